package nl.asylumchain.decision.process;

import java.time.Period;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;
import nl.asylumchain.decision.DecisionPeriods;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline filter as provisioned in Tasklist against the deployed DMN decisionPeriods: its window is the team
 * lead's warning in every row the process evaluates. A table whose rows warn at different times cannot be one
 * filter, and fails here rather than showing a window no row uses.
 */
@ChainTestContext
class DeadlineFilterWindowTest {

    @Autowired
    FilterService filterService;

    @Autowired
    DecisionPeriods periods;

    @Test
    void theProvisionedDeadlineFilterLooksAheadByTheWarningOfEveryDecisionPeriodsRow() {
        List<Filter> filters = filterService
                .createFilterQuery()
                .filterNameLike(DecisionTasklistFilters.DEADLINE_FILTER_PREFIX + "%")
                .list();
        assertThat(filters).hasSize(1);
        Period window = DecisionTasklistFiltersTest.windowOf(
                ((TaskQueryImpl) filters.get(0).getQuery()).getExpressions().get("dueBefore"));

        for (int track : List.of(1, 2, 4)) {
            for (String procedure : List.of("AA", "AA_PLUS", "VA")) {
                assertThat(periods.periods(track, procedure).warningBefore())
                        .as("warningBefore for spoor %d, procedure %s", track, procedure)
                        .isEqualTo(window);
            }
        }
        assertThat(filters.get(0).getName())
                .isEqualTo("IND – Termijn verloopt binnen " + DecisionTasklistFilters.inDutch(window));
    }
}
