package nl.asylumchain.casefile;

/** Sex as recorded in the BRP: female, male, or unknown/other (X). */
public enum Sex {
    F,
    M,
    X
}
