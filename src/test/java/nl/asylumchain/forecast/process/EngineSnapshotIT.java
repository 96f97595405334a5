package nl.asylumchain.forecast.process;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.forecast.ForecastSnapshot;
import nl.asylumchain.forecast.ForecastSnapshot.OpenCase;
import nl.asylumchain.forecast.ForecastSnapshot.ProcessPosition;
import nl.asylumchain.forecast.SnapshotSource;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The "from now" snapshot lists the open cases of the live engine at the positions where their tokens wait. */
class EngineSnapshotIT extends PostgresIntegrationTest {

    @Autowired
    SnapshotSource snapshots;

    @Autowired
    RuntimeService runtime;

    @Test
    void theSnapshotListsEachOpenCaseWithTheActivitiesWhereItsTokensWaitAndItsRoutingVariables() {
        String inRegistration = driver.register();
        String atMainInterview = driver.register();
        driver.workToTask(atMainInterview, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, CaseDriver.answers("GRANT"));

        ForecastSnapshot snapshot = snapshots.take();

        Map<String, OpenCase> cases =
                snapshot.cases().stream().collect(Collectors.toMap(OpenCase::caseId, open -> open));
        OpenCase registering = cases.get(inRegistration);
        assertThat(registering).isNotNull();
        assertThat(position(registering, CaseModel.PROCESS_KEY).activityIds())
                .containsExactly(CaseModel.ACTIVITY_REGISTRATION);
        assertThat(position(registering, RegistrationModel.PROCESS_KEY).activityIds())
                .containsExactly(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);

        OpenCase interviewing = cases.get(atMainInterview);
        ProcessPosition main = position(interviewing, CaseModel.PROCESS_KEY);
        ProcessPosition decision = position(interviewing, IndDecisionModel.PROCESS_KEY);
        assertThat(interviewing.processes().get(0))
                .as("parents before children")
                .isEqualTo(main);
        assertThat(main.activityIds()).contains(CaseModel.ACTIVITY_IND_DECISION);
        assertThat(decision.activityIds()).contains(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(decision.parentProcessInstanceId()).isEqualTo(main.processInstanceId());
        assertThat(decision.variables()).anySatisfy(variable -> {
            assertThat(variable.name()).isEqualTo("track");
            assertThat(variable.type()).isEqualTo("integer");
            assertThat(variable.value()).isEqualTo(4);
        });
        assertThat(interviewing.processes())
                .extracting(ProcessPosition::processDefinitionKey)
                .doesNotContain(RegistrationModel.PROCESS_KEY);
    }

    @Test
    void theSnapshotHoldsEveryRunningInstanceOfEveryCaseAndNothingElse() {
        driver.register();

        ForecastSnapshot snapshot = snapshots.take();

        long instances = snapshot.cases().stream()
                .mapToLong(open -> open.processes().size())
                .sum();
        assertThat(instances)
                .isEqualTo(runtime.createProcessInstanceQuery().list().stream()
                        .filter(instance -> instance.getBusinessKey() != null)
                        .count());
        List<String> ids = snapshot.cases().stream().map(OpenCase::caseId).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    private static ProcessPosition position(OpenCase open, String processKey) {
        List<ProcessPosition> found = open.processes().stream()
                .filter(position -> position.processDefinitionKey().equals(processKey))
                .toList();
        assertThat(found).as(processKey + " of " + open.caseId()).hasSize(1);
        return found.get(0);
    }
}
