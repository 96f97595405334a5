package nl.asylumchain.housing;

import java.util.Locale;

/** How a permit holder is housed: a home, or first a doorstroomlocatie (temporary, at most 1 year). */
public enum HousingKind {
    HOME,
    TEMPORARY;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
