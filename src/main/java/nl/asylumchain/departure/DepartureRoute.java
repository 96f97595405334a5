package nl.asylumchain.departure;

/** The route DT&V works towards (DMN {@code departureRoute}) or the route a confirmed departure took. */
public enum DepartureRoute {
    /** Independent departure with IOM support. */
    INDEPENDENT,
    /** Forced departure: travel document or laissez-passer from the country of origin, escort. */
    FORCED,
    /** Transfer to the member state that accepted the Dublin claim. */
    DUBLIN_TRANSFER;

    public DepartureOutcome outcome() {
        return switch (this) {
            case INDEPENDENT -> DepartureOutcome.DEPARTED_INDEPENDENTLY;
            case FORCED -> DepartureOutcome.DEPARTED_FORCED;
            case DUBLIN_TRANSFER -> DepartureOutcome.TRANSFERRED_DUBLIN;
        };
    }
}
