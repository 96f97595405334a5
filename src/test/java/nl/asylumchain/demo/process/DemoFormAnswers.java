package nl.asylumchain.demo.process;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

import nl.asylumchain.platform.FormSchema;

/**
 * The demo traffic's form answers ({@link FormAnswers}, with the demo's default shares of outcomes) for tests and
 * benchmarks outside this package: what a handler plausibly fills in on a task's form. One instance per thread.
 */
public final class DemoFormAnswers {

    /** As {@link DemoTraffic}'s defaults: grant 0.6, Dublin 0.15, safe country 0.05, nareis 0.8, housing 0.9, VA 0.1. */
    private static final FormAnswers.Shares DEMO_SHARES = new FormAnswers.Shares(0.6, 0.15, 0.05, 0.8, 0.9, 0.1);

    private final SplittableRandom random;

    public DemoFormAnswers(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The variables to complete a task with this form, or empty when the form asks what a handler cannot answer. */
    public Optional<Map<String, Object>> answer(
            FormSchema form, LocalDate today, Function<String, Object> caseVariable) {
        return new FormAnswers(random, DEMO_SHARES, today, caseVariable).answer(form);
    }
}
