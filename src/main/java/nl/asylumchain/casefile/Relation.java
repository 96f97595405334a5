package nl.asylumchain.casefile;

/** The family tie of a family member abroad with the applicant (the future sponsor). */
public enum Relation {
    SPOUSE,
    PARTNER,
    CHILD,
    PARENT
}
