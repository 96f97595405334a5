package nl.asylumchain.departure.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filters of DT&V: departure interviews and independent departure. */
@Component
class DepartureTasklistFilters implements TasklistFilter.Source {

    private static final List<Column> COLUMNS = List.of(CASE, new Column("departurePeriod", "Vertrektermijn"));

    @Override
    public List<TasklistFilter> filters() {
        return List.of(
                new TasklistFilter(
                        "DT&V – Vertrekgesprekken",
                        List.of(Groups.DTV),
                        0,
                        "Vertrekgesprekken: zelfstandig vertrek of gedwongen vertrek",
                        q -> q.taskCandidateGroup(Groups.DTV)
                                .taskDefinitionKey(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW),
                        COLUMNS),
                new TasklistFilter(
                        "DT&V – Zelfstandig vertrek",
                        List.of(Groups.DTV),
                        1,
                        "Zelfstandig vertrek met IOM regelen en vastleggen",
                        q -> q.taskCandidateGroup(Groups.DTV)
                                .taskDefinitionKey(DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE),
                        COLUMNS),
                new TasklistFilter(
                        "DT&V – alle taken",
                        List.of(Groups.DTV),
                        2,
                        "Alle taken van DT&V",
                        q -> q.taskCandidateGroup(Groups.DTV),
                        COLUMNS));
    }
}
