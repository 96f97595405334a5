package nl.asylumchain.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A snapshot's parts, for a forecast from now in shards: disjoint, together the whole, alike in size. */
class ForecastSnapshotTest {

    private static final Instant TAKEN = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void thePartsOfASnapshotAreDisjointAlikeAndTogetherTheWhole() {
        ForecastSnapshot whole = new ForecastSnapshot(
                TAKEN,
                IntStream.range(0, 23)
                        .mapToObj(i -> new ForecastSnapshot.OpenCase("case-" + (100 + i), List.of()))
                        .toList());

        List<ForecastSnapshot.OpenCase> together = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            ForecastSnapshot part = whole.part(index, 4);
            assertThat(part.takenAt()).isEqualTo(TAKEN);
            assertThat(part.cases()).hasSizeBetween(5, 6);
            together.addAll(part.cases());
        }

        assertThat(together).containsExactlyInAnyOrderElementsOf(whole.cases());
        assertThat(whole.part(0, 1)).isEqualTo(whole);
        assertThat(whole.part(1, 4).cases())
                .extracting(ForecastSnapshot.OpenCase::caseId)
                .startsWith("case-101", "case-105");
    }

    @Test
    void aPartOutsideTheCountIsRefused() {
        ForecastSnapshot whole = new ForecastSnapshot(TAKEN, List.of());

        assertThatThrownBy(() -> whole.part(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> whole.part(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
