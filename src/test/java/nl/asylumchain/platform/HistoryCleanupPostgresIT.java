package nl.asylumchain.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History that does not grow forever (docs/postgresql.md#history-cleanup): the engine's history cleanup is scheduled
 * in the nightly window of application.yml, and it removes a case's whole trail once the case has been over for its
 * retention (five years), while a case that ended later and a case that still runs keep theirs. On its own database:
 * the test moves the engine's clock years ahead, and a cleanup there would remove other tests' history.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class HistoryCleanupPostgresIT {

    private static final String DATABASE = "history_cleanup_it";
    private static final Duration FIVE_YEARS = Duration.ofDays(1827);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcClient jdbc;

    CaseDriver driver;

    @BeforeEach
    void connect() {
        driver = new CaseDriver(new ChainClient(port));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void historyCleanupIsRemovalTimeBasedAndScheduledInTheNightlyWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

        // the engine created the cleanup job at start-up because a window is set; it is due at the window's start
        // (or now, when the node started inside the window), in the server's local time, and after each run it is
        // due at the next window
        List<Job> jobs = historyService.findHistoryCleanupJobs();
        assertThat(jobs).as("history cleanup jobs").isNotEmpty();
        for (Job job : jobs) {
            LocalTime due =
                    job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).as("due time of " + job.getId()).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
    }

    @Test
    void anEndedCaseLosesItsWholeHistoryAfterFiveYearsWhileALaterAndARunningCaseKeepTheirs() {
        Instant start = Instant.now();
        // still running five years on (an appeal, a VA): its registration ended today, the case did not
        String running = driver.register(application("SYR"));
        driver.workUntil(
                running,
                IndDecisionModel.ACTIVITY_MAIN_INTERVIEW,
                CaseDriver.answers("GRANT"),
                Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        String registrationOfRunning = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(running)
                .processDefinitionKey(RegistrationModel.PROCESS_KEY)
                .finished()
                .singleResult()
                .getId();
        String expired = departedCase();
        List<String> expiredRoots = roots(expired);
        Map<String, Long> expiredRows = historyRows(expiredRoots);
        assertThat(expiredRows.values().stream().mapToLong(Long::longValue).sum())
                .as("history of " + expired)
                .isGreaterThan(50);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(730))));
        String later = departedCase();
        List<String> laterRoots = roots(later);
        Map<String, Long> laterRows = historyRows(laterRoots);

        // one day past the first case's retention
        ClockUtil.setCurrentTime(Date.from(start.plus(FIVE_YEARS).plus(Duration.ofDays(1))));
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());

        assertThat(historyRows(expiredRoots))
                .as("history of the case that ended five years ago")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(expired)
                        .count())
                .isZero();
        assertThat(historyRows(laterRoots))
                .as("history of the case that ended three years ago")
                .isEqualTo(laterRows);
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(registrationOfRunning)
                        .count())
                .as("the finished registration of a case that still runs")
                .isOne();
    }

    /** A Georgian (spoor 2) rejected without appeal who leaves on their own: the case ends in the departure stage. */
    private String departedCase() {
        String caseId = driver.register(application("GEO"));
        driver.work(
                caseId,
                CaseDriver.answers("REJECT"),
                Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED, AppealModel.EVENT_APPEAL_WINDOW_PASSED));
        driver.assertEnded(caseId, CaseModel.EVENT_DEPARTED_INDEPENDENTLY);
        return caseId;
    }

    private static Map<String, Object> application(String nationality) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", nationality);
        application.put("familyMembersAbroad", List.of());
        return application;
    }

    /** Every root process the case has: the main process and the decision-deadline watch. */
    private List<String> roots(String caseId) {
        List<String> roots =
                historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                        .map(HistoricProcessInstance::getRootProcessInstanceId)
                        .distinct()
                        .toList();
        assertThat(roots).as("root processes of " + caseId).hasSizeGreaterThanOrEqualTo(2);
        return roots;
    }

    /** Rows of these root processes' trees in each history table that records the root, keyed by table. */
    private Map<String, Long> historyRows(List<String> roots) {
        List<String> tables = jdbc.sql("select table_name from information_schema.columns where table_schema ="
                        + " current_schema() and table_name like 'act_hi_%' and column_name = 'root_proc_inst_id_'"
                        + " order by table_name")
                .query(String.class)
                .list();
        assertThat(tables)
                .contains(
                        "act_hi_procinst",
                        "act_hi_actinst",
                        "act_hi_taskinst",
                        "act_hi_varinst",
                        "act_hi_decinst",
                        "act_hi_job_log");
        return tables.stream()
                .collect(Collectors.toMap(
                        table -> table,
                        table -> jdbc.sql("select count(*) from " + table + " where root_proc_inst_id_ in (:roots)")
                                .param("roots", roots)
                                .query(Long.class)
                                .single(),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
