package nl.asylumchain.registration.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.platform.FormDate;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The application counts from its signature at identification and registration (I&R), not from the report at
 * intake. On the I&R task: when it is created, the form's signature date defaults to today; when it is completed,
 * the case file records the date (refusing one in the future or before the report, so the task stays open) and
 * {@code applicationSignedOn} goes on as a date, from which the main process starts the decision period.
 */
@Component("applicationSignedListener")
class ApplicationSignedListener implements TaskListener {

    private final CaseProgress caseFile;
    private final Clock clock;

    ApplicationSignedListener(CaseProgress caseFile, Clock clock) {
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String field = CaseProgress.APPLICATION_SIGNED_ON;
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            // the form's date field shows (and submits) the value as yyyy-MM-dd
            task.getExecution().setVariable(field, LocalDate.now(clock).toString());
            return;
        }
        LocalDate signedOn = FormDate.of(task.getExecution().getVariable(field))
                .orElseThrow(() -> new InvalidRequestException(field, "must be a date (yyyy-MM-dd)"));
        caseFile.recordApplicationSigned(UUID.fromString(task.getExecution().getProcessBusinessKey()), signedOn);
        task.getExecution()
                .setVariable(
                        field, Date.from(signedOn.atStartOfDay(clock.getZone()).toInstant()));
    }
}
