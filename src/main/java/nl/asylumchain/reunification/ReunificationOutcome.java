package nl.asylumchain.reunification;

/** How the IND's handling of a family member's application ended (metric tag {@code outcome}). */
public enum ReunificationOutcome {
    GRANTED,
    REJECTED,
    WINDOW_MISSED
}
