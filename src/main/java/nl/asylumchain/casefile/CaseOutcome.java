package nl.asylumchain.casefile;

/** How a case leaves the chain: housed as a permit holder, or one of the departure outcomes. */
public enum CaseOutcome {
    PERMIT_HOLDER_HOUSED,
    DEPARTED_INDEPENDENTLY,
    DEPARTED_FORCED,
    TRANSFERRED_DUBLIN,
    LEFT_WITHOUT_SUPERVISION
}
