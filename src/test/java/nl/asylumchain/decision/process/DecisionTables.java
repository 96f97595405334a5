package nl.asylumchain.decision.process;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** A decision of a DMN file on the bare DMN engine, evaluated with name/value pairs. */
final class DecisionTables {

    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final DmnDecision decision;

    private DecisionTables(DmnDecision decision) {
        this.decision = decision;
    }

    static DecisionTables parse(String resource, String decisionKey) {
        try (InputStream dmn = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
            return new DecisionTables(ENGINE.parseDecision(decisionKey, dmn));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DecisionTables parseXml(String xml, String decisionKey) {
        return new DecisionTables(ENGINE.parseDecision(
                decisionKey, new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** Evaluates with pairs name, value, name, value ...; returns the single result's entries. */
    Map<String, Object> evaluate(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, Variables.fromMap(variables));
        return result.getSingleResult().getEntryMap();
    }

    /** Evaluates like {@link #evaluate}; null when no rule matches. */
    Map<String, Object> evaluateOrNull(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, Variables.fromMap(variables));
        return result.isEmpty() ? null : result.getFirstResult().getEntryMap();
    }

    static String read(String resource) {
        try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
