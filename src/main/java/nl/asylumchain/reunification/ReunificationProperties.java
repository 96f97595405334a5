package nl.asylumchain.reunification;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The terms of family reunification ({@code asylumchain.reunification.*}), the one place the models' timers and
 * the recorded deadlines take them from.
 *
 * @param applicationWindow from the sponsor's permit; later the regular route applies (Directive 2003/86/EC art. 12)
 * @param decisionPeriod    from the application (Vw 2000 art. 3.6a / Awb)
 * @param decisionExtension once, when the period passed
 * @param mvvValidity       of the entry visa (mvv) from its issue
 */
@ConfigurationProperties("asylumchain.reunification")
public record ReunificationProperties(
        @DefaultValue("P3M") Period applicationWindow,
        @DefaultValue("P3M") Period decisionPeriod,
        @DefaultValue("P3M") Period decisionExtension,
        @DefaultValue("P90D") Period mvvValidity) {}
