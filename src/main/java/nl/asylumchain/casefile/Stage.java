package nl.asylumchain.casefile;

/** The stages of the chain, each its own process model called from {@code asylumCase}. */
public enum Stage {
    REGISTRATION,
    IND_DECISION,
    HOUSING,
    FAMILY_REUNIFICATION,
    DEPARTURE
}
