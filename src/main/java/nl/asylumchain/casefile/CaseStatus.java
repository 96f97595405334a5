package nl.asylumchain.casefile;

/** Where a case stands in the chain, as a handler or a manager would say it. */
public enum CaseStatus {
    IN_REGISTRATION,
    IN_PROCEDURE,
    PERMIT_GRANTED,
    IN_DEPARTURE,
    CLOSED;

    static CaseStatus of(Stage stage) {
        return switch (stage) {
            case REGISTRATION -> IN_REGISTRATION;
            case IND_DECISION -> IN_PROCEDURE;
            case HOUSING, FAMILY_REUNIFICATION -> PERMIT_GRANTED;
            case DEPARTURE -> IN_DEPARTURE;
        };
    }
}
