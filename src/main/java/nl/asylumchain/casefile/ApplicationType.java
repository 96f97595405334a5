package nl.asylumchain.casefile;

/**
 * First application, repeat application (opvolgende aanvraag) or resettlement (hervestiging) at intake;
 * FAMILY_REUNIFICATION (nareis) only for the case of a family member who arrived on an mvv, never at intake.
 */
public enum ApplicationType {
    FIRST,
    REPEAT,
    RESETTLEMENT,
    FAMILY_REUNIFICATION
}
