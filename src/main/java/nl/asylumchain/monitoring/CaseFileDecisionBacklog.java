package nl.asylumchain.monitoring;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline gauges from the case file alone: a case still in registration or in the IND procedure without a
 * decision is past its deadline when its application is more than six months old (Vw 2000 art. 42 lid 1). Holds,
 * extensions and notices of default are the decision module's facts, not recorded yet: those count 0 here.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CaseFileDecisionBacklog implements DecisionBacklogSource {

    /** Vw 2000 art. 42 lid 1. */
    static final int DECISION_PERIOD_MONTHS = 6;

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseFileDecisionBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long casesOnHold() {
        return 0;
    }

    @Override
    public long casesPastDecisionDeadline() {
        LocalDate appliedBefore = LocalDate.now(clock).minusMonths(DECISION_PERIOD_MONTHS);
        return jdbc.sql("""
                select count(*) from cases
                where status in ('IN_REGISTRATION', 'IN_PROCEDURE') and decision_outcome is null
                  and arrival_date < :appliedBefore""")
                .param("appliedBefore", appliedBefore).query(Long.class).single();
    }

    @Override
    public long casesExposedToPenalty() {
        return 0;
    }
}
