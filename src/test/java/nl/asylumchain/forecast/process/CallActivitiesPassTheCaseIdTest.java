package nl.asylumchain.forecast.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast finds the instances a process called among the case's instances by business key
 * ({@link CasePlacement#children}); a call activity in Modeler that stopped passing the case id on would leave its
 * called instance unfound, and a placed case stuck where it was put.
 */
class CallActivitiesPassTheCaseIdTest {

    @Test
    void everyCallActivityPassesItsBusinessKeyOn() throws IOException {
        List<String> callActivities = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                    callActivities.add(call.getId());
                    assertThat(
                                    call
                                            .getExtensionElements()
                                            .getElementsQuery()
                                            .filterByType(CamundaIn.class)
                                            .list()
                                            .stream()
                                            .map(CamundaIn::getCamundaBusinessKey))
                            .as("%s in %s", call.getId(), file)
                            .contains("#{execution.processBusinessKey}");
                }
            }
        }
        assertThat(callActivities).hasSizeGreaterThanOrEqualTo(14);
    }
}
