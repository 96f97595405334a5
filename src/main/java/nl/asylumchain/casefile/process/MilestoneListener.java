package nl.asylumchain.casefile.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;

/**
 * Lets a model mark a milestone where it happens, readable in Camunda Modeler:
 * {@code <camunda:executionListener event="start" expression="${milestones.reach(execution, 'PERMIT_GRANTED')}"/>}.
 */
@Component("milestones")
public class MilestoneListener {

    private final CaseProgress caseFile;

    MilestoneListener(CaseProgress caseFile) {
        this.caseFile = caseFile;
    }

    public void reach(DelegateExecution execution, String milestone) {
        caseFile.reachMilestone(UUID.fromString(execution.getProcessBusinessKey()), Milestone.valueOf(milestone));
    }
}
