package nl.asylumchain.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageDurations.FinishedStage;
import nl.asylumchain.platform.RunningInstanceCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The stage lead times are read from where the last refresh left off: after the last stage end seen, and while no
 * stage ends, from a while before now ({@link BacklogGauges#SETTLE}), not from the last stage end however long ago.
 */
class StageLeadTimesWatermarkTest {

    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

    private final List<Instant> asked = new ArrayList<>();
    private final List<FinishedStage> ended = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Instant now = START;

    private final BacklogGauges gauges = new BacklogGauges(
            registry,
            List.of(),
            since -> {
                asked.add(since);
                return ended.stream().filter(e -> !e.ended().isBefore(since)).toList();
            },
            counts(),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void whileNoStageEndsTheReadStartsAWhileBeforeNowAndNoEndIsCountedTwice() {
        now = START.plus(Duration.ofHours(1));
        gauges.refresh();
        assertThat(asked).last().isEqualTo(START);

        now = START.plus(Duration.ofHours(2));
        gauges.refresh();
        assertThat(asked).last().isEqualTo(START.plus(Duration.ofHours(1)).minus(BacklogGauges.SETTLE));

        Instant end = now.minus(Duration.ofMinutes(2));
        ended.add(new FinishedStage("a1", Stage.REGISTRATION, end, Duration.ofDays(3)));
        now = now.plus(Duration.ofMinutes(1));
        gauges.refresh();
        gauges.refresh();
        now = now.plus(Duration.ofHours(1));
        gauges.refresh();

        assertThat(registry.get("asylum.stage.lead.time")
                        .tag("stage", "registration")
                        .timer()
                        .count())
                .as("recorded once")
                .isEqualTo(1);
        assertThat(asked).last().isEqualTo(end);
        gauges.refresh();
        assertThat(asked)
                .as("the end seen is counted, and then the read moves on to a while before now")
                .last()
                .isEqualTo(now.minus(BacklogGauges.SETTLE));
        assertThat(registry.get("asylum.stage.lead.time")
                        .tag("stage", "registration")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private static RunningInstanceCounts counts() {
        RunningInstanceCounts counts = mock(RunningInstanceCounts.class);
        doAnswer(call -> {
                    call.<Runnable>getArgument(0).run();
                    return null;
                })
                .when(counts)
                .sharedWhile(any());
        return counts;
    }
}
