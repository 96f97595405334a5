package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.FamilyMemberAdded;

/**
 * A family member added to a case that already has a permit gets their family reunification at once: a new
 * {@code familyReunification} instance of the sponsor (business key = case id), in the transaction that recorded
 * the member. Before the permit the main process starts it, with every member recorded by then.
 */
@Component
class ReunificationStarter {

    private final RuntimeService runtimeService;
    private final CaseFiles caseFile;

    ReunificationStarter(RuntimeService runtimeService, CaseFiles caseFile) {
        this.runtimeService = runtimeService;
        this.caseFile = caseFile;
    }

    @EventListener
    void on(FamilyMemberAdded added) {
        if (caseFile.permitGrantedAt(added.caseId()).isEmpty()) {
            return;
        }
        runtimeService.startProcessInstanceByKey(
                FamilyReunificationModel.PROCESS_KEY,
                added.caseId().toString(),
                Variables.createVariables()
                        .putValue("caseId", added.caseId().toString())
                        .putValue("familyMembersAbroad", 1));
    }
}
