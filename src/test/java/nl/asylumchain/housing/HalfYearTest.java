package nl.asylumchain.housing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Half-years of the taakstelling: I = January to June, II = July to December. */
class HalfYearTest {

    @Test
    void juneIsTheFirstHalfAndJulyTheSecond() {
        assertThat(HalfYear.of(LocalDate.of(2024, 6, 30))).isEqualTo(new HalfYear(2024, 1));
        assertThat(HalfYear.of(LocalDate.of(2024, 7, 1))).isEqualTo(new HalfYear(2024, 2));
    }

    @Test
    void theHalfYearBeforeTheFirstIsTheSecondOfTheYearBefore() {
        assertThat(new HalfYear(2024, 1).previous()).isEqualTo(new HalfYear(2023, 2));
        assertThat(new HalfYear(2023, 2).next()).isEqualTo(new HalfYear(2024, 1));
    }

    @Test
    void thePathSaysIOrII() {
        assertThat(HalfYear.parse(2024, "I")).hasToString("2024-I");
        assertThat(HalfYear.parse(2024, "ii")).hasToString("2024-II");
        assertThat(HalfYear.parse(2024, "2")).isEqualTo(new HalfYear(2024, 2));
        assertThatThrownBy(() -> HalfYear.parse(2024, "III")).isInstanceOf(IllegalArgumentException.class);
    }
}
