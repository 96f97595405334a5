package nl.asylumchain.decision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.Milestone;

/** Records IND decisions and says what follows from them. */
@Service
public class IndDecisionService {

    /** Vw 2000 art. 62: 28 days to leave after a rejection ... */
    static final Period DEPARTURE_PERIOD = Period.ofDays(28);
    /** ... and none after a rejection in spoor 2 (safe country, protection elsewhere): art. 62(2). */
    static final Period NO_DEPARTURE_PERIOD = Period.ZERO;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CaseFileService caseFile;

    IndDecisionService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, CaseFileService caseFile) {
        this.caseFile = caseFile;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Consequence(IndOutcome outcome, Optional<Period> departurePeriod) {
    }

    @Transactional
    public Consequence record(UUID caseId, int track, IndOutcome outcome) {
        jdbc.sql("insert into ind_decisions (id, case_id, track, outcome, decided_at) "
                        + "values (:id, :caseId, :track, :outcome, :at)")
                .param("id", UUID.randomUUID()).param("caseId", caseId).param("track", track)
                .param("outcome", outcome.name()).param("at", Timestamp.from(clock.instant())).update();
        caseFile.recordDecision(caseId, outcome.name());
        caseFile.reachMilestone(caseId, switch (outcome) {
            case PERMIT_GRANTED -> Milestone.PERMIT_GRANTED;
            case REJECTED -> Milestone.REJECTION_FINAL;
            case DUBLIN_ACCEPTED -> Milestone.DUBLIN_CLAIM_ACCEPTED;
        });
        events.publishEvent(new DecisionRecorded(caseId, track, outcome));
        return new Consequence(outcome, departurePeriod(track, outcome));
    }

    static Optional<Period> departurePeriod(int track, IndOutcome outcome) {
        if (outcome != IndOutcome.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(track == 2 ? NO_DEPARTURE_PERIOD : DEPARTURE_PERIOD);
    }
}
