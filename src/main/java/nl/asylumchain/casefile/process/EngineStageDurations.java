package nl.asylumchain.casefile.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageDurations;

/** The stage durations from the engine's history of the main process's call activities. */
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

    EngineStageDurations(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<FinishedStage> finishedSince(Instant since) {
        List<FinishedStage> finished = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String activityId : STAGE_ACTIVITIES.keySet()) {
            for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery()
                    .activityId(activityId)
                    .finished()
                    .finishedAfter(Date.from(since))
                    .list()) {
                if (CaseModel.PROCESS_KEY.equals(done.getProcessDefinitionKey())
                        && seen.add(done.getId())
                        && done.getEndTime() != null) {
                    finished.add(new FinishedStage(
                            done.getId(),
                            STAGE_ACTIVITIES.get(activityId),
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
