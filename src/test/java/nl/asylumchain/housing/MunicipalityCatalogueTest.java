package nl.asylumchain.housing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The municipality list: the shipped demo file, and what a broken file does. */
class MunicipalityCatalogueTest {

    @Test
    void theDemoListCoversAllTwelveProvincesWithCbsCodes() {
        Map<String, Municipality> all = MunicipalityCatalogue.read(new ClassPathResource("housing/municipalities.csv"));
        assertThat(all.values().stream().map(Municipality::provinceTag).distinct())
                .containsExactlyInAnyOrderElementsOf(HousingMetrics.PROVINCES);
        assertThat(all).containsKeys("GM0363", "GM0014", "GM1950", "GM1706");
        assertThat(all.get("GM0363").name()).isEqualTo("Amsterdam");
        assertThat(all.values()).allSatisfy(m -> assertThat(m.population()).isPositive());
    }

    @Test
    void aLineWithoutACbsCodeStopsTheStartWithItsLineNumber() {
        ByteArrayResource csv = new ByteArrayResource(
                "cbs_code;name;province;population\nGM0014;Groningen;Groningen;238000\n14;Utrecht;Utrecht;1\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MunicipalityCatalogue.read(csv)).hasMessageContaining("line 3");
    }

    @Test
    void theSameMunicipalityTwiceIsRefused() {
        ByteArrayResource csv = new ByteArrayResource(
                "GM0014;Groningen;Groningen;1\nGM0014;Groningen;Groningen;1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MunicipalityCatalogue.read(csv)).hasMessageContaining("twice");
    }

    @Test
    void aRollFallsOnAMunicipalityProRataPopulation() {
        List<Municipality> three = List.of(
                new Municipality("GM0001", "Een", "Groningen", 100),
                new Municipality("GM0002", "Twee", "Groningen", 300),
                new Municipality("GM0003", "Drie", "Groningen", 600));
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.0).code()).isEqualTo("GM0001");
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.0999).code()).isEqualTo("GM0001");
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.1).code()).isEqualTo("GM0002");
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.3999).code()).isEqualTo("GM0002");
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.4).code()).isEqualTo("GM0003");
        assertThat(MunicipalityCatalogue.byPopulation(three, 0.99999).code()).isEqualTo("GM0003");
        assertThatThrownBy(() -> MunicipalityCatalogue.byPopulation(three, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provinceTagsAreSnakeCaseWithoutAccents() {
        assertThat(new Municipality("GM0080", "Leeuwarden", "Fryslân", 1).provinceTag())
                .isEqualTo("fryslan");
        assertThat(new Municipality("GM0363", "Amsterdam", "Noord-Holland", 1).provinceTag())
                .isEqualTo("noord_holland");
    }
}
