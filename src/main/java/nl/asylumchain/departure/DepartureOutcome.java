package nl.asylumchain.departure;

/** How a departure (one hand-over to DT&V) ends; each is its own end event of {@code departure.bpmn}. */
public enum DepartureOutcome {
    DEPARTED_INDEPENDENTLY,
    DEPARTED_FORCED,
    TRANSFERRED_DUBLIN,
    LEFT_WITHOUT_SUPERVISION,
    /** The Dublin transfer was not done in time: the Netherlands is responsible, the IND decides in spoor 4. */
    RESPONSIBILITY_ASSUMED,
    /** A permit after all (a court annulment and a new decision, a no-fault permit ...). */
    PERMIT_AFTER_ALL;

    /** Left the Netherlands demonstrably (aantoonbaar vertrek): independent, forced or transferred. */
    public boolean demonstrable() {
        return this == DEPARTED_INDEPENDENTLY || this == DEPARTED_FORCED || this == TRANSFERRED_DUBLIN;
    }
}
