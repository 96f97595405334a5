package nl.asylumchain.reception;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reception capacities ({@code asylumchain.reception.capacity.*}). Defaults from the ministry's letter (MPP 2023-II):
 * about 60,000 places in all, a ceiling of 2,000 people in Ter Apel, 55 amv places in Ter Apel (120 at most). The
 * split over location types is an estimate to be set from COA's figures. Over capacity never blocks a placement.
 */
@ConfigurationProperties("asylumchain.reception")
public record ReceptionProperties(@DefaultValue Capacity capacity) {

    public record Capacity(
            @DefaultValue("2750") int col,
            @DefaultValue("4000") int pol,
            @DefaultValue("47000") int azc,
            @DefaultValue("600") int vbl,
            @DefaultValue("650") int familyLocation,
            @DefaultValue("2500") int nidosFoster,
            @DefaultValue("2500") int coaAmv,
            @DefaultValue("60000") int total,
            @DefaultValue("2000") int terApel,
            @DefaultValue("55") int amvTerApel,
            @DefaultValue("120") int amvTerApelMaximum) {

        public int of(LocationType type) {
            return switch (type) {
                case COL -> col;
                case POL -> pol;
                case AZC -> azc;
                case VBL -> vbl;
                case FAMILY_LOCATION -> familyLocation;
                case NIDOS_FOSTER -> nidosFoster;
                case COA_AMV -> coaAmv;
            };
        }
    }
}
