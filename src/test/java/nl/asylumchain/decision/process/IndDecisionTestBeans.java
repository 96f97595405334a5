package nl.asylumchain.decision.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

import nl.asylumchain.ProcessTestSupport;

/**
 * Stand-ins for the beans the registration and IND decision models name besides the contract's four (which
 * {@link ProcessTestSupport} registers): they set the variables the real delegates set, and record what they were
 * asked, so a path test sees the routing without a database. Register in the test's {@code @BeforeEach}, which
 * runs after {@link ProcessTestSupport} registered its own.
 */
public final class IndDecisionTestBeans {

    /** Milestones marked by the models, in order. */
    public final List<String> milestones = new ArrayList<>();
    /** Extensions asked for in the team lead's review task (their reasons). */
    public final List<String> extensions = new ArrayList<>();
    /** Cases flagged as exposed to penalty payments. */
    public int penaltyFlags;
    /** Times the decision deadline was opened again after an annulment. */
    public int deadlineReopenings;
    /** Whether the next hold checks find the case's category on hold, whatever its categories. */
    public boolean categoryOnHold;
    /** Categories on hold: a case parks when DMN holdCategory gives it one of them ({@code holdCategories}). */
    public final java.util.Set<String> heldCategories = new java.util.HashSet<>();
    /** The categories DMN holdCategory gave the case at each hold check, in order. */
    public final List<List<String>> holdChecks = new ArrayList<>();
    /** Why the Netherlands became responsible, each time it did (the reason input of assumeResponsibilityDelegate). */
    public final List<String> responsibilityReasons = new ArrayList<>();
    /** Appeals recorded: whether each suspends departure, as DMN appealEffect decided. */
    public final List<Boolean> appealsSuspensive = new ArrayList<>();

    private IndDecisionTestBeans() {}

    /** The milestone listener's stand-in: {@code ${milestones.reach(execution, 'X')}}. */
    public final class MilestoneRecorder {
        public void reach(DelegateExecution execution, String milestone) {
            milestones.add(milestone);
        }
    }

    public static IndDecisionTestBeans register() {
        IndDecisionTestBeans beans = new IndDecisionTestBeans();
        Mocks.register("milestones", beans.new MilestoneRecorder());
        Mocks.register("openIndProcedureDelegate", (JavaDelegate) execution -> {
            int track = ((Number) execution.getVariable("track")).intValue();
            execution.setVariable("procedure", "AA");
            execution.setVariable("decisionDueDate", ProcessTestSupport.nowPlus(track == 2 ? "P8D" : "P6D"));
        });
        Mocks.register("referToExtendedProcedureDelegate", (JavaDelegate) execution -> {
            execution.setVariable("procedure", "VA");
            execution.setVariable("decisionDueDate", ProcessTestSupport.nowPlus("P6M"));
        });
        Mocks.register("finalizeRejectionDelegate", (JavaDelegate) execution -> {
            int track = ((Number) execution.getVariable("track")).intValue();
            execution.setVariable("indOutcome", "REJECTED");
            execution.setVariable("departurePeriod", track == 2 ? "P0D" : "P28D");
            execution.setVariable("dublinAcceptedOn", null);
        });
        // as IndDecisionService.rejectionEnforceable: a rejection to enforce while the appeal runs, same routing
        Mocks.register("enforceRejectionDelegate", (JavaDelegate) execution -> {
            int track = ((Number) execution.getVariable("track")).intValue();
            execution.setVariable("indOutcome", "REJECTED");
            execution.setVariable("departurePeriod", track == 2 ? "P0D" : "P28D");
            execution.setVariable("dublinAcceptedOn", null);
        });
        // as DecisionDeadlineService.reopenAfterAnnulment: decide again within 8 weeks of the ruling
        Mocks.register("reopenDecisionDeadlineDelegate", (JavaDelegate) execution -> {
            beans.deadlineReopenings++;
            execution.setVariable("decisionDueDate", ProcessTestSupport.nowPlus("P56D"));
            // as the real one: a new indDecision after a suspended departure takes the annulled decision's procedure
            if (execution.getVariable("procedure") == null) {
                execution.setVariable("procedure", "AA");
            }
            execution.setVariable("returnedAfterAnnulment", false);
        });
        // as IndDecisionService.responsibilityAssumed: spoor 4, the reason, the acceptance no longer counts
        Mocks.register("assumeResponsibilityDelegate", (JavaDelegate) execution -> {
            String reason = (String) execution.getVariableLocal("reason");
            beans.responsibilityReasons.add(reason);
            execution.setVariable("track", 4);
            execution.setVariable("trackReason", reason);
            execution.setVariable("dublinAcceptedOn", null);
        });
        // as IndDecisionService.dublinDecisionEnforceable: from the acceptance, or from the ruling (now)
        Mocks.register("enforceDublinDecisionDelegate", (JavaDelegate) execution -> {
            boolean fromRuling = "RULING".equals(execution.getVariableLocal("transferPeriodStart"));
            execution.setVariable("indOutcome", "DUBLIN_ACCEPTED");
            execution.setVariable("departurePeriod", null);
            execution.setVariable(
                    "transferPeriodFrom",
                    fromRuling
                            ? org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                            : execution.getVariable("dublinAcceptedOn"));
        });
        Mocks.register("recordAppealDelegate", (JavaDelegate)
                execution -> beans.appealsSuspensive.add((Boolean) execution.getVariable("appealSuspensive")));
        // as PolicyHoldService.parkIfHeld: held when one of the case's categories (DMN holdCategory) is on hold
        Mocks.register("checkPolicyHoldDelegate", (JavaDelegate) execution -> {
            List<String> categories = ((List<?>) execution.getVariable("holdCategories"))
                    .stream().map(String::valueOf).toList();
            beans.holdChecks.add(categories);
            execution.setVariable(
                    "policyHeld", beans.categoryOnHold || categories.stream().anyMatch(beans.heldCategories::contains));
        });
        // as IndDecisionService.extendGeneralProcedure: the AA+ has 3 days more
        Mocks.register("extendGeneralProcedureDelegate", (JavaDelegate) execution -> {
            execution.setVariable("procedure", "AA_PLUS");
            execution.setVariable("decisionDueDate", ProcessTestSupport.nowPlus("P9D"));
        });
        // the real one: it only starts the appeal process beside the case
        Mocks.register("openAppealBesideDepartureDelegate", new OpenAppealBesideDepartureDelegate());
        // the real one: it only sends the model's message to the case's processes
        Mocks.register("departureNoticeDelegate", new DepartureNoticeDelegate());
        Mocks.register("extendDecisionDeadlineDelegate", (JavaDelegate) execution -> {
            beans.extensions.add((String) execution.getVariable("extensionReason"));
            // as DecisionDeadlineService.extend does: the watch's dates move 9 months on
            execution.setVariable(
                    "deadlineWarningAt", plusMonths((Date) execution.getVariable("deadlineWarningAt"), 9));
            execution.setVariable("deadlineAt", plusMonths((Date) execution.getVariable("deadlineAt"), 9));
        });
        Mocks.register("flagPenaltyExposureDelegate", (JavaDelegate) execution -> beans.penaltyFlags++);
        return beans;
    }

    static Date plusMonths(Date date, int months) {
        return Date.from(date.toInstant()
                .atZone(java.time.ZoneId.systemDefault())
                .plusMonths(months)
                .toInstant());
    }
}
