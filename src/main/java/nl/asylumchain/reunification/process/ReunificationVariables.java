package nl.asylumchain.reunification.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** How the listeners of {@code familyReunificationApplication.bpmn} read the family member they record a step of. */
final class ReunificationVariables {

    private ReunificationVariables() {}

    static UUID member(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("familyMemberId"));
    }
}
