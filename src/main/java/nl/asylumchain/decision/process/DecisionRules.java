package nl.asylumchain.decision.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionPeriods;
import nl.asylumchain.platform.ParsedFeelCache;

/**
 * The periods of the IND procedure as the deployed DMN tables say them (the latest version of each), for the Java
 * that computes deadlines: {@code dmn/decisionPeriods.dmn} (the statutory period, the day of the decision, the
 * extension steps and a category-wide extension) and {@code dmn/departurePeriod.dmn}. Java keeps no copy of these
 * numbers, so a designer who changes a row changes what the case file and the deadline watch say.
 */
@Component
class DecisionRules implements DecisionPeriods {

    static final String DECISION_PERIODS = "decisionPeriods";
    static final String EXTENSION = "decisionPeriodExtension";
    static final String GROUP_EXTENSION = "groupExtension";
    static final String DEPARTURE_PERIOD = "departurePeriod";

    // the latest deployed version of each table, evaluated on a bare DMN engine: a deadline is computed on every read
    // of the case file and for the gauges, inside read-only transactions, and must neither write decision history nor
    // need a write transaction
    private final RepositoryService repository;
    private final CommandExecutor commands;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed;
    /** A table's latest version by its key: looked up at every answer, or once for a pinned view. */
    private final Function<String, DmnDecision> versions;

    @Autowired
    DecisionRules(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.dmn = ParsedFeelCache.dmnEngine();
        this.parsed = new ConcurrentHashMap<>();
        this.versions = this::latest;
    }

    private DecisionRules(DecisionRules live, Map<String, DmnDecision> pinned) {
        this.repository = live.repository;
        this.commands = live.commands;
        this.dmn = live.dmn;
        this.parsed = live.parsed;
        this.versions = key -> pinned.computeIfAbsent(key, live::latest);
    }

    /**
     * The tables with each one's latest version looked up once, at its first answer: a count over every open case asks
     * the tables thousands of times (the category-wide extension once per application day and track), and each
     * lookup of a latest version is a query.
     */
    @Override
    public DecisionPeriods pinned() {
        return new DecisionRules(this, new HashMap<>());
    }

    @Override
    public Periods periods(int track, String procedure) {
        Map<String, Object> result = single(DECISION_PERIODS, "track", track, "procedure", procedure)
                .orElseThrow(() -> new IllegalStateException(
                        "DMN " + DECISION_PERIODS + " has no row for spoor " + track + ", procedure " + procedure));
        return new Periods(
                required(result, "decisionPeriod", track, procedure),
                period(result, "decideWithin"),
                required(result, "warningBefore", track, procedure),
                required(result, "noticeOfDefaultPeriod", track, procedure),
                required(result, "redecisionPeriod", track, procedure));
    }

    private static Period required(Map<String, Object> result, String output, int track, String procedure) {
        return period(result, output)
                .orElseThrow(() -> new IllegalStateException("DMN " + DECISION_PERIODS + " gives no " + output
                        + " for spoor " + track + ", procedure " + procedure));
    }

    @Override
    public Optional<Period> extension(int step, String ground) {
        return single(EXTENSION, "extensionStep", step, "extensionGround", ground)
                .flatMap(result -> period(result, "extension"));
    }

    @Override
    public Optional<GroupExtension> groupExtension(LocalDate applicationDate, int track) {
        return single(GROUP_EXTENSION, "applicationDate", applicationDate, "track", track)
                .flatMap(result -> period(result, "extension")
                        .map(extension -> new GroupExtension(extension, (String) result.get("extensionBasis"))));
    }

    @Override
    public Optional<Period> departurePeriod(String decisionType, int track, String trackReason) {
        return single(DEPARTURE_PERIOD, "decisionType", decisionType, "track", track, "trackReason", trackReason)
                .flatMap(result -> period(result, "departurePeriod"));
    }

    private Optional<Map<String, Object>> single(String decisionKey, Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        DmnDecisionResult result = dmn.evaluateDecision(versions.apply(decisionKey), Variables.fromMap(variables));
        DmnDecisionResultEntries first = result.getFirstResult();
        return first == null ? Optional.empty() : Optional.of(first.getEntryMap());
    }

    private DmnDecision latest(String decisionKey) {
        // the engine's own lookup of a key's latest version, the one a business rule task makes (in the forecast's
        // engine it is remembered between deployments); outside the engine's authorization checks, as the rules are
        // read for the chain, not for the user; a key that is not deployed is the engine's "no decision definition
        // deployed with key" error
        String definitionId = commands.execute(context -> context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(decisionKey)
                .getId());
        return parsed.computeIfAbsent(definitionId, id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(decisionKey, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Optional<Period> period(Map<String, Object> result, String output) {
        Object value = result.get(output);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Period.parse(value.toString()));
    }
}
