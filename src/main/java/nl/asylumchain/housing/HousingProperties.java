package nl.asylumchain.housing;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housing settings ({@code asylumchain.housing.*}): where the municipality list is, and the deadlines of the steps
 * as ISO-8601 periods (the model reads them as process variables): link within 2 weeks of the permit, offer within
 * 10 weeks of the link, move within 2 weeks of the offer, a doorstroomlocatie for at most 1 year.
 */
@ConfigurationProperties("asylumchain.housing")
public record HousingProperties(
        @DefaultValue("classpath:housing/municipalities.csv")
        String municipalities,

        @DefaultValue("P14D") Period linkPeriod,
        @DefaultValue("P70D") Period offerPeriod,
        @DefaultValue("P14D") Period movePeriod,
        @DefaultValue("P1Y") Period temporaryHousingPeriod) {}
