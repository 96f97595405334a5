package nl.asylumchain.housing;

import java.text.Normalizer;
import java.util.Locale;

/** A municipality (gemeente) as CBS lists it: code GMxxxx, name, province, number of inhabitants. */
public record Municipality(String code, String name, String province, long population) {

    /** The province as a metric tag value: lower snake_case without accents ({@code noord_holland}, {@code fryslan}). */
    public String provinceTag() {
        return tag(province);
    }

    static String tag(String province) {
        String plain = Normalizer.normalize(province, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
