package nl.asylumchain.departure.process;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** How the delegates of {@code departure.bpmn} read the variables they share. */
final class DepartureVariables {

    private DepartureVariables() {}

    static UUID caseId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    static boolean flag(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(execution.getVariable(name));
    }

    static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
