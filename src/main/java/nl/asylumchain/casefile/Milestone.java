package nl.asylumchain.casefile;

/**
 * Milestones of a case that other parts of the chain react to (reception moves a person, metrics measure lead
 * times, the case view shows a timeline). Stage models mark them with the listener expression
 * {@code ${milestones.reach(execution, 'PERMIT_GRANTED')}}; the main process marks stage starts and ends itself.
 */
public enum Milestone {
    /** Application registered: the person is at the central reception location (COL). */
    REGISTERED,
    /** Rest-and-preparation period started (not in spoor 2). */
    REST_PERIOD_STARTED,
    /** The general asylum procedure (AA) or the accelerated spoor-2 procedure started. */
    PROCEDURE_STARTED,
    /** Referred to the extended procedure (VA). */
    EXTENDED_PROCEDURE_STARTED,
    /** Another member state accepted the Dublin claim. */
    DUBLIN_CLAIM_ACCEPTED,
    /** Asylum permit granted: the person is a permit holder waiting for housing. */
    PERMIT_GRANTED,
    /** Rejection final (no appeal in time, or appeal upheld): handed to DT&V. */
    REJECTION_FINAL,
    /**
     * Rejection enforceable while the appeal runs: the appeal has no suspensive effect and interim relief was
     * refused; handed to DT&V before the court rules.
     */
    REJECTION_ENFORCEABLE,
    /** Departure period over: the person moves to a VBL or a family location. */
    DEPARTURE_PERIOD_ENDED,
    /** Twelve weeks in the restricted-freedom location (VBL) are over: the VBL place ends. */
    VBL_STAY_ENDED,
    /**
     * The court granted interim relief on an appeal against an enforceable rejection (Awb art. 8:81, Vw 2000 art.
     * 82): the departure stops until the ruling and the person is again an asylum seeker entitled to reception (Rva
     * 2005 art. 3 and 7), back from a departure placement to an azc. A dismissed appeal then marks
     * {@code REJECTION_FINAL} and a new departure period ({@code DEPARTURE_PERIOD_ENDED}).
     */
    DEPARTURE_SUSPENDED,
    /** Linked to a municipality (koppeling). */
    MUNICIPALITY_LINKED,
    /** Moved into a doorstroomlocatie: reception place freed, final housing still owed. */
    TEMPORARY_HOUSING,
    /** Moved into a home in the municipality. */
    HOUSED,
    /** The case left the chain (housed, departed, transferred or left without supervision). */
    CLOSED
}
