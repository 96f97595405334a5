package nl.asylumchain.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The taakstelling split: pro rata population, whole people, adding up to exactly the national number. */
class QuotaSplitTest {

    private static Municipality m(String code, long population) {
        return new Municipality(code, code, "Utrecht", population);
    }

    @Test
    void aNumberThatDividesEvenlyIsSplitExactlyProRataPopulation() {
        Map<String, Integer> split =
                QuotaSplit.split(100, List.of(m("GM0001", 100), m("GM0002", 300), m("GM0003", 600)));
        assertThat(split)
                .containsEntry("GM0001", 10)
                .containsEntry("GM0002", 30)
                .containsEntry("GM0003", 60);
    }

    @Test
    void thePeopleLeftAfterTheWholePartsGoToTheLargestRemainders() {
        // shares 3.33.., 3.33.., 3.33.. of 10: one left over, to the largest municipality
        Map<String, Integer> split =
                QuotaSplit.split(10, List.of(m("GM0001", 1000), m("GM0002", 1000), m("GM0003", 1001)));
        assertThat(split).containsEntry("GM0001", 3).containsEntry("GM0002", 3).containsEntry("GM0003", 4);
        // shares 0.4, 1.4, 2.2 of 4: whole parts 0+1+2 = 3, the one left goes to the remainder .4 of the larger
        Map<String, Integer> other = QuotaSplit.split(4, List.of(m("GM0001", 20), m("GM0002", 70), m("GM0003", 110)));
        assertThat(other).containsEntry("GM0001", 0).containsEntry("GM0002", 2).containsEntry("GM0003", 2);
    }

    @Test
    void equalRemaindersGoToTheLowerCodeSoTheSplitIsTheSameEveryTime() {
        Map<String, Integer> split = QuotaSplit.split(2, List.of(m("GM0003", 10), m("GM0001", 10), m("GM0002", 10)));
        assertThat(split).containsEntry("GM0001", 1).containsEntry("GM0002", 1).containsEntry("GM0003", 0);
    }

    @Test
    void theShippedListSplitsTheLettersNumbersToExactlyTheNationalTotal() {
        List<Municipality> all =
                new ArrayList<>(MunicipalityCatalogue.read(new ClassPathResource("housing/municipalities.csv"))
                        .values());
        for (int total : new int[] {18750, 17600, 27300, 1, 0, 77}) {
            Map<String, Integer> split = QuotaSplit.split(total, all);
            assertThat(split).hasSize(all.size());
            assertThat(split.values().stream().mapToInt(Integer::intValue).sum())
                    .as("total " + total)
                    .isEqualTo(total);
        }
        Map<String, Integer> split = QuotaSplit.split(18750, all);
        long population = all.stream().mapToLong(Municipality::population).sum();
        for (Municipality municipality : all) {
            double exact = 18750.0 * municipality.population() / population;
            assertThat((double) split.get(municipality.code()))
                    .as(municipality.name())
                    .isBetween(Math.floor(exact), Math.ceil(exact));
        }
    }

    @Test
    void randomPopulationsAlwaysAddUpToTheTotal() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Municipality> municipalities = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                municipalities.add(m(String.format("GM%04d", i), 1 + random.nextInt(900_000)));
            }
            int total = random.nextInt(30_000);
            assertThat(QuotaSplit.split(total, municipalities).values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(total);
        }
    }

    @Test
    void aNegativeTotalIsRefused() {
        assertThatThrownBy(() -> QuotaSplit.split(-1, List.of(m("GM0001", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
