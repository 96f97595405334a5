package nl.asylumchain.reception;

import java.util.Locale;

/** The kinds of reception location (opvanglocatie) a person can stay in. */
public enum LocationType {
    /** Centrale ontvangstlocatie Ter Apel or Budel: arrival, 3-10 days; for amv the COL-amv. */
    COL,
    /** Procesopvanglocatie: during the rest-and-preparation period and the general procedure (AA). */
    POL,
    /** Asielzoekerscentrum: extended procedure, permit holders waiting for housing, rejected people up to 28 days. */
    AZC,
    /** Vrijheidsbeperkende locatie: return, at most 12 weeks. */
    VBL,
    /** Gezinslocatie: return of families with children. */
    FAMILY_LOCATION,
    /** Foster family through Nidos: unaccompanied minors under 15. */
    NIDOS_FOSTER,
    /** COA reception for unaccompanied minors of 15 to 17. */
    COA_AMV;

    /** The value of the metric tag {@code location_type}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean forUnaccompaniedMinors() {
        return this == NIDOS_FOSTER || this == COA_AMV;
    }
}
