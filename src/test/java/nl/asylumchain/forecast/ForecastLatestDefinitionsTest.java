package nl.asylumchain.forecast;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forecast's engine remembers the latest definition of each key between deployments ({@code LatestDefinitions}):
 * the engine's lookup of a key's latest version (every start by key, call activity and business rule task) asks the
 * database once, not every time, and a new deployment is seen at once.
 */
class ForecastLatestDefinitionsTest {

    private static final String PROCESS = "guardianship";
    private static final String DECISION = "procedurePeriods";
    private static final String PROCESS_LOOKUP =
            "org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity.selectLatestProcessDefinitionByKey";
    private static final String PROCESS_LOOKUP_WITH_TENANT = "org.camunda.bpm.engine.impl.persistence.entity"
            + ".ProcessDefinitionEntity.selectLatestProcessDefinitionByKeyWithoutTenantId";
    private static final String PROCESS_BY_ID =
            "org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity.selectProcessDefinition";
    private static final String DECISION_LOOKUP =
            "org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity.selectLatestDecisionDefinitionByKey";

    private final Scenario scenario = ForecastLab.scenario("small");
    private final RepositoryService repository = ForecastLab.bean(scenario, RepositoryService.class);
    private final ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl)
            ForecastLab.bean(scenario, ProcessEngine.class).getProcessEngineConfiguration();

    private final List<String> deployments = new java.util.ArrayList<>();

    @ParameterizedTest
    @CsvSource({"bpmn/guardianship.bpmn, process", "dmn/procedurePeriods.dmn, decision"})
    void aKeyIsLookedUpOnceAfterADeploymentAndANewVersionIsSeenAtOnce(String resource, String kind) {
        boolean process = kind.equals("process");
        String statement = process ? PROCESS_LOOKUP : DECISION_LOOKUP;
        Supplier<String> latest = process ? this::latestProcess : this::latestDecision;
        redeploy(resource);
        String[] first = new String[1];
        assertThat(latestLookups(statement, () -> first[0] = latest.get()))
                .as("the first lookup after a deployment asks the database")
                .hasSize(1);
        assertThat(latestLookups(statement, () -> assertThat(latest.get()).isEqualTo(first[0])))
                .as("the next lookup takes the remembered answer")
                .isEmpty();

        redeploy(resource);
        String second = latest.get();
        assertThat(second).as("the new version, at once").isNotEqualTo(first[0]);
        assertThat(version(process, second)).isEqualTo(version(process, first[0]) + 1);
    }

    /** A call activity's lookup names the caller's tenant (none): remembered as the lookup by key is. */
    @Test
    void aCallActivitysLookupWithItsTenantIsRememberedAndANewVersionIsSeenAtOnce() {
        redeploy("bpmn/guardianship.bpmn");
        String[] first = new String[1];
        assertThat(latestLookups(PROCESS_LOOKUP_WITH_TENANT, () -> first[0] = latestProcessOfNoTenant()))
                .hasSize(1);
        assertThat(latestLookups(
                        PROCESS_LOOKUP_WITH_TENANT,
                        () -> assertThat(latestProcessOfNoTenant()).isEqualTo(first[0])))
                .isEmpty();
        redeploy("bpmn/guardianship.bpmn");
        assertThat(latestProcessOfNoTenant()).isNotEqualTo(first[0]);
    }

    /** A definition by id (every execution and task that needs its definition) comes from the deployment cache. */
    @Test
    void aDefinitionByIdIsNotReadFromTheDatabase() {
        redeploy("bpmn/guardianship.bpmn");
        String id = latestProcess();
        assertThat(latestLookups(PROCESS_BY_ID, () -> assertThat(keyOf(id)).isEqualTo(PROCESS)))
                .isEmpty();
        assertThat(latestLookups(
                        PROCESS_BY_ID,
                        () -> assertThatThrownBy(() -> keyOf("no-such-definition"))
                                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)))
                .as("an id the cache does not know is asked of the database")
                .hasSize(1);
    }

    private String keyOf(String definitionId) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.getProcessEngineConfiguration()
                        .getDeploymentCache()
                        .findDeployedProcessDefinitionById(definitionId)
                        .getKey());
    }

    private String latestProcessOfNoTenant() {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.getProcessEngineConfiguration()
                        .getDeploymentCache()
                        .findDeployedLatestProcessDefinitionByKeyAndTenantId(PROCESS, null)
                        .getId());
    }

    private int version(boolean process, String definitionId) {
        return process
                ? repository.getProcessDefinition(definitionId).getVersion()
                : repository.getDecisionDefinition(definitionId).getVersion();
    }

    /** The lookup a start by key, a call activity and a business rule task make: the engine's own. */
    private String latestProcess() {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.getProcessEngineConfiguration()
                        .getDeploymentCache()
                        .findDeployedLatestProcessDefinitionByKey(PROCESS)
                        .getId());
    }

    private String latestDecision() {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.getProcessEngineConfiguration()
                        .getDeploymentCache()
                        .findDeployedLatestDecisionDefinitionByKey(DECISION)
                        .getId());
    }

    /** Another version of a chain model (the same file: the model gate lets it through). */
    private void redeploy(String resource) {
        Deployment deployment = repository
                .createDeployment()
                .name("latest-definitions-test")
                .addClasspathResource(resource)
                .deploy();
        deployments.add(deployment.getId());
    }

    /** The "Preparing" lines of the engine's statement (MyBatis logs it under its mapper and id) that work sent. */
    private static List<String> latestLookups(String statement, Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(statement);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        return appender.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("Preparing:"))
                .toList();
    }

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }
}
