package nl.asylumchain.decision;

/** Categories of cases a policy hold (Vw 2000 art. 43) can park. */
public enum HoldCategory {
    /** Third-country nationals who had temporary protection in Ukraine (the case's temporaryProtectionUkraine). */
    TEMPORARY_PROTECTION_UKRAINE
}
