package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.ExtensionGround;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The team lead chose to extend in the review task: the next extension step on the ground and with the reason of the
 * form ({@code extensionGround}, {@code extensionReason}); DMN decisionPeriodExtension says how long.
 */
@Component("extendDecisionDeadlineDelegate")
class ExtendDecisionDeadlineDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;

    ExtendDecisionDeadlineDelegate(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.extend(
                UUID.fromString(execution.getProcessBusinessKey()),
                ground((String) execution.getVariable("extensionGround")),
                (String) execution.getVariable("extensionReason"),
                "ind-team-lead task");
    }

    private static ExtensionGround ground(String value) {
        if (value == null || value.isBlank()) {
            return null; // the service refuses it, naming the field
        }
        try {
            return ExtensionGround.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("ground", "is not a ground for an extension: " + value);
        }
    }
}
