package nl.asylumchain.platform;

import java.util.UUID;

/**
 * The ids of the chain's own rows: case ids, milestones, ledger and record rows. Random in the application; the
 * forecast counts them instead ({@code forecast.process.ForecastRowIds}), because a row's id decides where it
 * stands among rows read in no particular order, and a forecast must repeat its run byte for byte.
 */
public interface RowIds {

    UUID next();
}
