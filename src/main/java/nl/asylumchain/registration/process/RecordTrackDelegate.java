package nl.asylumchain.registration.process;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.registration.RegistrationService;

/** Takes the {@code trackAssignment} decision's result, records it and hands {@code track} on to routing. */
@Component("recordTrackDelegate")
class RecordTrackDelegate implements JavaDelegate {

    private final RegistrationService registration;

    RecordTrackDelegate(RegistrationService registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable("trackAssignment");
        if (result == null || result.get("track") == null) {
            throw new IllegalStateException("The trackAssignment decision gave no track");
        }
        int track = ((Number) result.get("track")).intValue();
        String reason = (String) result.get("trackReason");
        registration.recordTrack(UUID.fromString(execution.getProcessBusinessKey()), track, reason);
        execution.setVariable("track", track);
        execution.setVariable("trackReason", reason);
    }
}
