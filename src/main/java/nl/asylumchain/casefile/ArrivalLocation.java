package nl.asylumchain.casefile;

/**
 * Where the applicant reported: the central reception locations Ter Apel and Budel (land), or Schiphol (air);
 * ZEVENAAR (IND) only for a family member who arrived through family reunification, never at intake.
 */
public enum ArrivalLocation {
    TER_APEL,
    BUDEL,
    SCHIPHOL,
    ZEVENAAR
}
