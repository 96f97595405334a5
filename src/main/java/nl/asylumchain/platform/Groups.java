package nl.asylumchain.platform;

import java.util.List;

/** The candidate groups of the chain (ids from the domain brief) and the staff groups beside them. */
public final class Groups {

    public static final String POLICE_AVIM = "police-avim";
    public static final String KMAR = "kmar";
    public static final String IND_REGISTRATION = "ind-registration";
    public static final String IND_DECISION = "ind-decision";
    public static final String IND_DUBLIN = "ind-dublin";
    public static final String IND_REUNIFICATION = "ind-reunification";
    public static final String COA = "coa";
    public static final String NIDOS = "nidos";
    public static final String MUNICIPALITY = "municipality";
    public static final String DTV = "dtv";
    public static final String IND_TEAM_LEAD = "ind-team-lead";
    public static final String PROCESS_DESIGNER = "process-designer";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /**
     * Runs the chain forecast (MPP, docs/forecast.md) and reads its reports: chain-wide figures, never a case (a
     * ministry or IND planning department). No task, no engine resource.
     */
    public static final String PLANNER = "planner";
    /** Reads the access log (inzage-logging), never a case file (privacy officer / FG, AVG art. 37-39). */
    public static final String PRIVACY_OFFICER = "privacy-officer";

    /** Organisations whose handlers work tasks in Tasklist. */
    public static final List<String> CASE_HANDLERS = List.of(
            POLICE_AVIM,
            KMAR,
            IND_REGISTRATION,
            IND_DECISION,
            IND_DUBLIN,
            IND_REUNIFICATION,
            COA,
            NIDOS,
            MUNICIPALITY,
            DTV);

    public static final List<String> ALL = List.of(
            POLICE_AVIM,
            KMAR,
            IND_REGISTRATION,
            IND_DECISION,
            IND_DUBLIN,
            IND_REUNIFICATION,
            COA,
            NIDOS,
            MUNICIPALITY,
            DTV,
            IND_TEAM_LEAD,
            PROCESS_DESIGNER,
            PLANNER,
            PRIVACY_OFFICER,
            CAMUNDA_ADMIN);

    private Groups() {}
}
