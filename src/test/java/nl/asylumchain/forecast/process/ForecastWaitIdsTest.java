package nl.asylumchain.forecast.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast answers the outside world where the models wait for it, by element id: a renamed gateway in
 * Modeler would leave those cases waiting forever in every forecast, so each id must exist in bpmn/.
 */
class ForecastWaitIdsTest {

    @Test
    void everyWaitTheForecastAnswersExistsInTheModels() throws IOException {
        StringBuilder models = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                models.append(Files.readString(file));
            }
        }
        for (String id : EngineDriver.WAIT_IDS) {
            assertThat(models.toString()).as(id).contains("id=\"" + id + "\"");
        }
        for (String activity : EngineDriver.STAGE_ACTIVITIES.values()) {
            assertThat(models.toString()).as(activity).contains("id=\"" + activity + "\"");
        }
    }
}
