package nl.asylumchain.decision;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.asylumchain.platform.LeadTimes;

/**
 * The IND procedure's meters (names in docs/monitoring.md). Every series exists from start-up at 0; counters count after
 * commit, so a rejected event counts nothing.
 */
@Component
class DecisionMetrics {

    private final Counter vaReferrals;
    private final Map<String, Counter> appealsLodged = new TreeMap<>();
    private final Map<String, Counter> courtRulings = new TreeMap<>();
    private final Map<Integer, Timer> leadTimes = new TreeMap<>();
    private final MeterRegistry registry;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        vaReferrals = Counter.builder("asylum.va.referrals")
                .description("Spoor-4 cases referred from the AA to the extended procedure (VA)")
                .register(registry);
        for (String suspensive : new String[] {"true", "false"}) {
            appealsLodged.put(
                    suspensive,
                    Counter.builder("asylum.appeals.lodged")
                            .description("Appeals lodged against a rejection within the appeal window")
                            .tag("suspensive", suspensive)
                            .register(registry));
        }
        for (AppealService.RulingOutcome outcome : AppealService.RulingOutcome.values()) {
            String tag = outcome.name().toLowerCase();
            courtRulings.put(
                    tag,
                    Counter.builder("asylum.court.rulings")
                            .description("Court rulings on appeals against a rejection")
                            .tag("outcome", tag)
                            .register(registry));
        }
        for (int track : IndTracks.DECIDED) {
            for (IndOutcome outcome : IndOutcome.values()) {
                decisions(track, outcome);
            }
            leadTimes.put(
                    track,
                    LeadTimes.timer("asylum.decision.lead.time", "Time from the application date to the IND decision")
                            .tag("track", Integer.toString(track))
                            .register(registry));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReferredToExtendedProcedure referred) {
        vaReferrals.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AppealLodged lodged) {
        appealsLodged.get(Boolean.toString(lodged.suspensive())).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CourtRuled ruled) {
        courtRulings.get(ruled.outcome().toLowerCase()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionRecorded decision) {
        decisions(decision.track(), decision.outcome()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionLeadTime decided) {
        Timer timer = leadTimes.get(decided.track());
        if (timer != null) {
            timer.record(decided.leadTime());
        }
    }

    private Counter decisions(int track, IndOutcome outcome) {
        return Counter.builder("asylum.decisions")
                .description("IND decisions by track and outcome")
                .tag("track", Integer.toString(track))
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry);
    }
}
