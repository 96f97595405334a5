package nl.asylumchain.casefile;

/** Where the applicant reported: the central reception locations Ter Apel and Budel (land), or Schiphol (air). */
public enum ArrivalLocation { TER_APEL, BUDEL, SCHIPHOL }
