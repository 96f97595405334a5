package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's ids sort in the order they were made, as text (the engine's ids, which it compares as strings to
 * break ties) and as UUIDs (the chain's own rows), so that a run's ties fall the same way every time.
 */
class ForecastIdsTest {

    @Test
    void engineIdsSortAsTextInTheOrderTheyWereMade() {
        ForecastIds ids = new ForecastIds();
        List<String> made = new ArrayList<>();
        // across every change of length a plain count has: 9 to 10, 99 to 100, … 99,999 to 100,000
        for (int i = 0; i < 120_000; i++) {
            made.add(ids.getNextId());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made.get(0)).isEqualTo("000000000001");
    }

    @Test
    void rowIdsAreVersionEightUuidsInTheOrderTheyWereMade() {
        ForecastRowIds ids = new ForecastRowIds();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(8);
            assertThat(id.variant()).isEqualTo(2);
        });
        // as text too, as PostgreSQL and H2 order a uuid column
        assertThat(made.stream().map(UUID::toString).toList()).isSorted();
        // and a second generator, as the next run's context has, makes the same ids again
        assertThat(new ForecastRowIds().next()).isEqualTo(made.get(0));
    }
}
