package nl.asylumchain.housing;

import java.util.Locale;

/** The steps of housing that have a deadline; values of the metric tag {@code step}. */
public enum HousingStep {
    /** COA links the permit holder to a municipality: 2 weeks from the permit. */
    LINK,
    /** The municipality offers housing: 10 weeks from the link (a final home: 1 year from a doorstroomlocatie). */
    OFFER,
    /** The move: 2 weeks from the offer. */
    MOVE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
