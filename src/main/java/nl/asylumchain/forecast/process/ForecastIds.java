package nl.asylumchain.forecast.process;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The forecast's engine ids: consecutive numbers, zero-padded so that their text sorts in the order they were made.
 * The live engine's ids are time-based UUIDs (the starter's default), whose text sorts by the clock's lowest bits
 * and wraps every 7 minutes at a point of the run that differs between runs; the engine breaks ties by id (Tasklist
 * order among tasks of the same priority, due date and creation time, jobs due at the same moment), so a forecast
 * with them was not repeatable once it ran longer than that. One engine, one database of its own per run: the
 * numbers need no round trip to the database's id table.
 */
@Component
@Profile("forecast")
class ForecastIds implements IdGenerator {

    private static final String ZEROS = "000000000000";

    private long last;

    @Override
    public synchronized String getNextId() {
        String number = Long.toString(++last);
        return number.length() >= ZEROS.length() ? number : ZEROS.substring(number.length()) + number;
    }
}
