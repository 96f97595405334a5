package nl.asylumchain.casefile.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageDurations;

/**
 * The stage durations from the engine's history of the main process's call activities: one query per version of the
 * main process, for its call activities that ended since, through the engine's index on the definition and the end
 * time ({@code ACT_IDX_HI_AI_PDEFID_END_TIME}). It was one query per stage by activity id, which no index serves: each
 * read every activity instance of every process that ended since, five times (87 of the backlog refresh's 139 ms at
 * 10,000 open cases, docs/benchmarks.md).
 */
@Component
class EngineStageDurations implements StageDurations {

    /** The call activity of each stage in the main process: its start and end are the stage's start and end. */
    static final Map<String, Stage> STAGE_ACTIVITIES = Map.of(
            CaseModel.ACTIVITY_REGISTRATION, Stage.REGISTRATION,
            CaseModel.ACTIVITY_IND_DECISION, Stage.IND_DECISION,
            CaseModel.ACTIVITY_HOUSING, Stage.HOUSING,
            CaseModel.ACTIVITY_FAMILY_REUNIFICATION, Stage.FAMILY_REUNIFICATION,
            CaseModel.ACTIVITY_DEPARTURE, Stage.DEPARTURE);

    private final HistoryService history;
    private final RepositoryService repository;

    EngineStageDurations(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    @Override
    public List<FinishedStage> finishedSince(Instant since) {
        List<FinishedStage> finished = new ArrayList<>();
        for (ProcessDefinition version : repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .list()) {
            for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(version.getId())
                    .activityType(ActivityTypes.CALL_ACTIVITY)
                    .finished()
                    .finishedAfter(Date.from(since))
                    .list()) {
                Stage stage = STAGE_ACTIVITIES.get(done.getActivityId());
                if (stage != null && done.getEndTime() != null) {
                    finished.add(new FinishedStage(
                            done.getId(),
                            stage,
                            done.getEndTime().toInstant(),
                            Duration.between(
                                    done.getStartTime().toInstant(),
                                    done.getEndTime().toInstant())));
                }
            }
        }
        finished.sort(Comparator.comparing(FinishedStage::ended));
        return finished;
    }
}
