package nl.asylumchain.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on its own PostgreSQL database: six cases driven over HTTP to known places in the chain,
 * then the scrape must show exactly the counts those cases imply, and the backlog gauges change only when the
 * background refresh runs, never on a scrape. The job executor and the scheduled refresh are off: the test decides.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.monitoring.initial-delay=1h",
            "asylumchain.monitoring.refresh-interval=1h"
        })
@AutoConfigureObservability
class ChainMetricsPostgresIT {

    private static final String DATABASE = "monitoring_it";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        TestPostgres.register(registry);
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        registry.add("spring.datasource.url", () -> TestPostgres.server().getJdbcUrl("postgres", DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    BacklogGauges gauges;

    @Autowired
    HistoryService historyService;

    ChainClient client;
    CaseDriver driver;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
        driver = new CaseDriver(client);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void scrapeShowsExactlyWhatTheDrivenCasesImply() {
        Scrape before = Scrape.parse(client.scrape());
        assertThat(before.sum("asylum_cases_registered_total"))
                .as("a fresh database")
                .isZero();
        assertThat(before.labelValues("asylum_cases_registered_total", "arrival_location"))
                .as("series exist before the first case")
                .containsExactlyInAnyOrder("ter_apel", "budel", "schiphol", "zevenaar");

        Map<String, Object> granted = ChainClient.application();
        granted.put("familyMembersAbroad", List.of());
        String housed = driver.register(granted);
        driver.workAnswered(housed, CaseDriver.answers("GRANT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));

        Map<String, Object> rejected = ChainClient.application();
        ChainClient.section(rejected, "arrival").put("location", "SCHIPHOL");
        rejected.put("familyMembersAbroad", List.of());
        String departed = driver.register(rejected);
        driver.workAnswered(
                departed,
                CaseDriver.answers("REJECT"),
                Set.of(
                        RegistrationModel.EVENT_REST_PERIOD_PASSED,
                        IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED,
                        AppealModel.EVENT_APPEAL_WINDOW_PASSED));

        Map<String, Object> budel = ChainClient.application();
        ChainClient.section(budel, "arrival").put("location", "BUDEL");
        driver.register(budel); // stays at identification and registration (police-avim)

        String resting = driver.register(ChainClient.application());
        driver.workAnswered(resting, CaseDriver.answers("GRANT"), Set.of()); // stops at the rest-period timer

        String interview = driver.register(ChainClient.application());
        Map<String, Map<String, Object>> untilInterview = CaseDriver.answers("GRANT");
        untilInterview.remove(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        driver.workAnswered(
                interview, untilInterview, Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED)); // main interview open

        String dublin = driver.register(ChainClient.application());
        Map<String, Map<String, Object>> dublinAnswers = CaseDriver.answers("REJECT");
        dublinAnswers.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        "DE",
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        true));
        driver.workAnswered(
                dublin, dublinAnswers, Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED)); // awaits the reply

        Scrape counted = Scrape.parse(client.scrape());
        assertThat(counted.sum("asylum_cases_registered_total"))
                .as("signed at I&R: not the Budel case")
                .isEqualTo(5);
        assertThat(counted.sum("asylum_cases_registered_total", "arrival_location", "ter_apel"))
                .isEqualTo(4);
        assertThat(counted.sum(
                        "asylum_cases_registered_total",
                        "arrival_location",
                        "schiphol",
                        "application_type",
                        "first",
                        "unaccompanied_minor",
                        "false"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_cases_registered_total", "arrival_location", "budel"))
                .as("reported, still at I&R")
                .isZero();
        assertThat(counted.sum("asylum_tracks_assigned_total", "track", "4")).isEqualTo(4);
        assertThat(counted.sum("asylum_tracks_assigned_total", "track", "1")).isEqualTo(1);
        assertThat(counted.sum("asylum_tracks_assigned_total", "track", "2")).isZero();
        assertThat(counted.sum("asylum_stages_entered_total", "stage", "registration"))
                .isEqualTo(6);
        assertThat(counted.sum("asylum_stages_entered_total", "stage", "ind_decision"))
                .isEqualTo(4);
        assertThat(counted.sum("asylum_stages_entered_total", "stage", "housing"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_stages_entered_total", "stage", "family_reunification"))
                .isZero();
        assertThat(counted.sum("asylum_stages_entered_total", "stage", "departure"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_decisions_total", "track", "4", "outcome", "permit_granted"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_decisions_total", "track", "4", "outcome", "rejected"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_decisions_total", "track", "1")).isZero();
        assertThat(counted.sum("asylum_cases_closed_total", "outcome", "permit_holder_housed"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_cases_closed_total", "outcome", "departed_independently"))
                .isEqualTo(1);
        assertThat(counted.sum("asylum_cases_closed_total")).isEqualTo(2);
        assertThat(counted.sum("asylum_case_lead_time_seconds_count")).isEqualTo(2);
        assertThat(counted.sum("asylum_cases_open"))
                .as("no refresh ran yet: a scrape queries nothing")
                .isZero();
        assertThat(counted.sum("asylum_stage_lead_time_seconds_count")).isZero();

        gauges.refresh();

        Scrape refreshed = Scrape.parse(client.scrape());
        Map<String, Double> open = new HashMap<>();
        for (String stage : refreshed.labelValues("asylum_cases_open", "stage")) {
            open.put(stage, refreshed.sum("asylum_cases_open", "stage", stage));
        }
        assertThat(open)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "registration",
                        1.0,
                        "rest_period",
                        1.0,
                        "ind_track_1",
                        1.0,
                        "ind_track_2",
                        0.0,
                        "ind_track_4",
                        1.0,
                        "va",
                        0.0,
                        "appeal",
                        0.0,
                        "housing",
                        0.0,
                        "family_reunification",
                        0.0,
                        "departure",
                        0.0));
        assertThat(refreshed.sum("asylum_tasks_open", "group", "police-avim")).isEqualTo(1);
        assertThat(refreshed.sum("asylum_tasks_open", "group", "ind-decision")).isEqualTo(1);
        assertThat(refreshed.sum("asylum_tasks_open")).isEqualTo(2);
        assertThat(refreshed.sum("asylum_tasks_overdue")).isZero();
        assertThat(refreshed.sum("asylum_cases_past_decision_deadline")).isZero();
        assertThat(refreshed.sum("asylum_cases_on_hold")).isZero();
        assertThat(refreshed.sum("asylum_cases_penalty_exposed")).isZero();
        assertThat(refreshed.sum("asylum_engine_incidents")).isZero();
        assertThat(refreshed.sum("asylum_engine_jobs_failed")).isZero();
        assertThat(refreshed.sum("asylum_engine_jobs_due") - dueHistoryCleanupJobs())
                .isZero();
        // the stages that ended: registration of the four cases past it, the IND stage, housing, departure
        assertThat(refreshed.sum("asylum_stage_lead_time_seconds_count", "stage", "registration"))
                .isEqualTo(4);
        assertThat(refreshed.sum("asylum_stage_lead_time_seconds_count", "stage", "ind_decision"))
                .isEqualTo(2);
        assertThat(refreshed.sum("asylum_stage_lead_time_seconds_count", "stage", "housing"))
                .isEqualTo(1);
        assertThat(refreshed.sum("asylum_stage_lead_time_seconds_count", "stage", "family_reunification"))
                .isZero();
        assertThat(refreshed.sum("asylum_stage_lead_time_seconds_count", "stage", "departure"))
                .isEqualTo(1);

        gauges.refresh();
        assertThat(Scrape.parse(client.scrape()).sum("asylum_stage_lead_time_seconds_count"))
                .as("a second refresh records no stage twice")
                .isEqualTo(8);

        // ten days on: the identification (due P1D) and the main interview (due P6D) are overdue, the rest period
        // and the Dublin reply period run; seven months on the two cases in the IND procedure without a decision
        // (main interview, Dublin reply) are past their decision deadline, until the team lead extends one
        ClockUtil.offset(10L * 24 * 60 * 60 * 1000);
        gauges.refresh();
        Scrape tenDaysOn = Scrape.parse(client.scrape());
        assertThat(tenDaysOn.sum("asylum_tasks_overdue", "group", "police-avim"))
                .isEqualTo(1);
        assertThat(tenDaysOn.sum("asylum_tasks_overdue", "group", "ind-decision"))
                .isEqualTo(1);
        assertThat(tenDaysOn.sum("asylum_tasks_overdue")).isEqualTo(2);
        assertThat(tenDaysOn.sum("asylum_engine_jobs_due") - dueHistoryCleanupJobs())
                .as("the rest-period timer is due")
                .isEqualTo(1);
        assertThat(tenDaysOn.sum("asylum_cases_past_decision_deadline")).isZero();

        ClockUtil.offset(213L * 24 * 60 * 60 * 1000);
        gauges.refresh();
        assertThat(Scrape.parse(client.scrape()).sum("asylum_cases_past_decision_deadline"))
                .isEqualTo(2);
        ChainClient.Response extended = client.post(
                "/api/cases/" + interview + "/decision-deadline/extensions",
                "teamleider",
                Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"));
        assertThat(extended.status()).as(String.valueOf(extended.body())).isEqualTo(201);
        gauges.refresh();
        assertThat(Scrape.parse(client.scrape()).sum("asylum_cases_past_decision_deadline"))
                .isEqualTo(1);

        Execution waiting = runtimeService
                .createExecutionQuery()
                .processInstanceBusinessKey(resting)
                .activityId(RegistrationModel.EVENT_REST_PERIOD_PASSED)
                .singleResult();
        runtimeService.createIncident("failedJob", waiting.getId(), "monitoring test");
        String extra = driver.register(ChainClient.application());
        Scrape notYet = Scrape.parse(client.scrape());
        assertThat(notYet.sum("asylum_engine_incidents")).isZero();
        assertThat(notYet.sum("asylum_cases_open", "stage", "registration")).isEqualTo(1);
        gauges.refresh();
        Scrape now = Scrape.parse(client.scrape());
        assertThat(now.sum("asylum_engine_incidents")).isEqualTo(1);
        assertThat(now.sum("asylum_cases_open", "stage", "registration")).isEqualTo(2);
        assertThat(now.sum("asylum_cases_registered_total"))
                .as("the extra case reported, not yet signed at I&R")
                .isEqualTo(5);
        assertThat(extra).isNotBlank();
    }

    /**
     * The nightly history cleanup job (docs/postgresql.md#history-cleanup) is a due job too once the clock passes
     * 01:00, or when the test runs inside the window; it is not a case's job.
     */
    private long dueHistoryCleanupJobs() {
        return historyService.findHistoryCleanupJobs().stream()
                .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()))
                .count();
    }
}
