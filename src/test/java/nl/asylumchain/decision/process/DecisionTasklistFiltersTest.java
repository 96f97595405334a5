package nl.asylumchain.decision.process;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

import nl.asylumchain.decision.DecisionPeriods;
import nl.asylumchain.platform.TasklistFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IND's deadline filter takes its window from DMN decisionPeriods ({@code warningBefore}): a designer who changes
 * the team lead's warning changes the filter's name, description and due-date criterion with it.
 */
class DecisionTasklistFiltersTest {

    private static final Pattern STEP = Pattern.compile("\\.plus(Years|Months|Weeks|Days)\\((\\d+)\\)");

    @Test
    void theDeadlineFilterLooksAheadAsFarAsTheDmnWarnsTheTeamLead() {
        TasklistFilter filter = deadlineFilter(Period.ofWeeks(6));

        assertThat(filter.name()).isEqualTo("IND – Termijn verloopt binnen 6 weken");
        assertThat(filter.description()).contains("binnen 6 weken");
        assertThat(window(filter)).isEqualTo(Period.ofWeeks(6));
    }

    @Test
    void aWarningInMonthsIsAWindowInMonths() {
        TasklistFilter filter = deadlineFilter(Period.ofMonths(1));

        assertThat(filter.name()).isEqualTo("IND – Termijn verloopt binnen 1 maand");
        assertThat(window(filter)).isEqualTo(Period.ofMonths(1));
    }

    @Test
    void daysThatAreNoWholeWeeksAreSaidInDays() {
        assertThat(DecisionTasklistFilters.inDutch(Period.ofDays(10))).isEqualTo("10 dagen");
        assertThat(DecisionTasklistFilters.inDutch(Period.ofWeeks(1))).isEqualTo("1 week");
        assertThat(DecisionTasklistFilters.inDutch(Period.of(0, 1, 10))).isEqualTo("1 maand en 10 dagen");
    }

    private static TasklistFilter deadlineFilter(Period warningBefore) {
        return new DecisionTasklistFilters(new WarningOnly(warningBefore))
                .filters().stream()
                        .filter(f -> f.name().startsWith(DecisionTasklistFilters.DEADLINE_FILTER_PREFIX))
                        .findFirst()
                        .orElseThrow();
    }

    /** The period the filter's due-date criterion adds to now, read back from the query it builds. */
    static Period window(TasklistFilter filter) {
        TaskQueryImpl query = (TaskQueryImpl) filter.criteria().apply(new TaskQueryImpl());
        return windowOf(query.getExpressions().get("dueBefore"));
    }

    /** {@code ${dateTime().plusMonths(1).plusDays(3)}} is P1M3D; anything else in the expression is no window. */
    static Period windowOf(String dueBefore) {
        assertThat(dueBefore).startsWith("${dateTime()").endsWith("}");
        String steps = dueBefore.substring("${dateTime()".length(), dueBefore.length() - 1);
        Matcher step = STEP.matcher(steps);
        Period window = Period.ZERO;
        int matched = 0;
        while (step.find()) {
            int amount = Integer.parseInt(step.group(2));
            window = switch (step.group(1)) {
                case "Years" -> window.plusYears(amount);
                case "Months" -> window.plusMonths(amount);
                case "Weeks" -> window.plusDays(7L * amount);
                default -> window.plusDays(amount);
            };
            matched += step.group().length();
        }
        assertThat(matched).as("only date steps in %s", dueBefore).isEqualTo(steps.length());
        return window;
    }

    /** DMN decisionPeriods as far as the filters read it: the team lead's warning. */
    private record WarningOnly(Period warningBefore) implements DecisionPeriods {

        @Override
        public Periods periods(int track, String procedure) {
            return new Periods(
                    Period.ofMonths(6), Optional.empty(), warningBefore, Period.ofWeeks(2), Period.ofWeeks(8));
        }

        @Override
        public Optional<Period> extension(int step, String ground) {
            return Optional.empty();
        }

        @Override
        public Optional<GroupExtension> groupExtension(LocalDate applicationDate, int track) {
            return Optional.empty();
        }

        @Override
        public Optional<Period> departurePeriod(String decisionType, int track, String trackReason) {
            return Optional.empty();
        }
    }
}
