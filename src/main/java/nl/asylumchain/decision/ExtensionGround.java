package nl.asylumchain.decision;

/**
 * The grounds on which the decision deadline may be extended. Which ground is allowed at which step, and for how long,
 * is DMN {@code decisionPeriodExtension}'s rule, not this list's.
 */
public enum ExtensionGround {
    /** Complex questions of fact or law (Vw 2000 art. 42 lid 4 onder a). */
    COMPLEX_CASE,
    /** A large number of applications at the same time (art. 42 lid 4 onder b). */
    MANY_APPLICATIONS,
    /** The delay is the applicant's own doing (art. 42 lid 4 onder c). */
    APPLICANT_FAULT,
    /** Exceptional circumstances, needed for an adequate and complete examination (art. 42 lid 5). */
    EXCEPTIONAL_CIRCUMSTANCES,
    /**
     * A decision moratorium (besluitmoratorium, Vw 2000 art. 43) held the case: the deadline moves by the days it was
     * held. Recorded when the hold ends, never asked for: DMN decisionPeriodExtension has no step on this ground.
     */
    MORATORIUM
}
