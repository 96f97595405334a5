package nl.asylumchain.reunification.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;
import nl.asylumchain.reunification.FamilyReunificationService.Opening;
import nl.asylumchain.reunification.ReunificationProperties;

/**
 * "Nareisaanvragen openen": an application per family member without one, and the terms the per-member process's
 * timers read. All transient: the multi-instance call activity reads them in this transaction and hands each
 * application what it needs; the sponsor's process keeps only caseId and familyMembersAbroad.
 */
@Component("openReunificationApplicationsDelegate")
class OpenReunificationApplicationsDelegate implements JavaDelegate {

    private final FamilyReunificationService reunification;

    OpenReunificationApplicationsDelegate(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Opening opening = reunification.open(UUID.fromString(execution.getProcessBusinessKey()));
        ReunificationProperties terms = reunification.terms();
        execution.setVariable(
                "familyMemberIds",
                Variables.untypedValue(
                        new java.util.ArrayList<>(opening.familyMemberIds().stream()
                                .map(UUID::toString)
                                .toList()),
                        true));
        execution.setVariable(
                "applicationWindowEnd", Variables.dateValue(Date.from(opening.applicationWindowEnd()), true));
        execution.setVariable(
                "decisionPeriod", Variables.stringValue(terms.decisionPeriod().toString(), true));
        execution.setVariable(
                "decisionExtension",
                Variables.stringValue(terms.decisionExtension().toString(), true));
        execution.setVariable(
                "mvvValidity", Variables.stringValue(terms.mvvValidity().toString(), true));
    }
}
