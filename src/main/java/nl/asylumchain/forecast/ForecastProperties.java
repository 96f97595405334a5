package nl.asylumchain.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Forecasts started through the API ({@code asylumchain.forecast.*}).
 *
 * @param workDir     where each run gets its directory (scenario, output, logs); on disk, so results survive a restart
 * @param javaOptions options of the child JVM: its heap (a year of the high scenario from an empty start or as a
 *                    sample of a tenth needs about 2 GB, with the whole stock about 6 GB; short of it, the run
 *                    stops with exit code 3, {@link HeapWatch})
 * @param maxDuration a run still going after this long is stopped (FAILED)
 * @param command     the child's command instead of {@code java ... forecast}, the forecast's arguments appended;
 *                    empty in production, set by tests to a stand-in child
 * @param sizing      what a start case, a case of the inflow and an engine keep in use, from which a request that
 *                    names no sample gets the smallest that fits the child's heap ({@link ForecastSizing})
 */
@ConfigurationProperties("asylumchain.forecast")
public record ForecastProperties(
        @DefaultValue("./data/forecasts") Path workDir,
        @DefaultValue({"-Xmx2g", "-XX:+UseParallelGC"}) List<String> javaOptions,
        @DefaultValue("PT1H") Duration maxDuration,
        @DefaultValue({}) List<String> command,
        @DefaultValue ForecastSizing sizing) {}
