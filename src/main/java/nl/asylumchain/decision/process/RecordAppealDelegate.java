package nl.asylumchain.decision.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.AppealService;

/**
 * Records the appeal the AppealLodged message brought ({@code appealLodgedOn}, {@code interimReliefRequested}) with
 * whether it suspends departure as DMN appealEffect decided ({@code appealSuspensive}).
 */
@Component("recordAppealDelegate")
class RecordAppealDelegate implements JavaDelegate {

    private final AppealService appeals;
    private final Clock clock;

    RecordAppealDelegate(AppealService appeals, Clock clock) {
        this.appeals = appeals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date lodgedOn = (Date) execution.getVariable("appealLodgedOn");
        appeals.lodge(
                UUID.fromString(execution.getProcessBusinessKey()),
                LocalDate.ofInstant(lodgedOn.toInstant(), clock.getZone()),
                Boolean.TRUE.equals(execution.getVariable("appealSuspensive")),
                Boolean.TRUE.equals(execution.getVariable("interimReliefRequested")));
    }
}
