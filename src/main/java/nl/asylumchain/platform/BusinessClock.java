package nl.asylumchain.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Business time follows the engine's clock, so tests and forecasts that move {@link ClockUtil} move every
 * deadline, ledger row and lead time with it.
 */
final class BusinessClock extends Clock {

    private final ZoneId zone;

    BusinessClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BusinessClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
