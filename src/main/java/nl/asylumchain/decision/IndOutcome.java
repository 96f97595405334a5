package nl.asylumchain.decision;

/** What the IND procedure ends with, as the chain routes on it. */
public enum IndOutcome {
    /** Asylum permit (verblijfsvergunning asiel bepaalde tijd): on to housing. */
    PERMIT_GRANTED,
    /** Rejection: on to departure after the departure period. */
    REJECTED,
    /** Another member state accepted the Dublin claim: not taken into consideration, transfer. */
    DUBLIN_ACCEPTED;

    /** The outcome as a handler records it on the decision form (GRANT, REJECT) or the model names it. */
    public static IndOutcome fromRecorded(String recorded) {
        return switch (recorded) {
            case "GRANT", "PERMIT_GRANTED" -> PERMIT_GRANTED;
            case "REJECT", "REJECTED" -> REJECTED;
            case "DUBLIN_ACCEPTED" -> DUBLIN_ACCEPTED;
            default -> throw new IllegalArgumentException("Unknown decision outcome " + recorded);
        };
    }
}
