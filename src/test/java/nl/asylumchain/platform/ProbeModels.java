package nl.asylumchain.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;

/**
 * Small models for the gate tests, drawn and labelled so that they pass the model lint, with one step whose
 * element and attributes a test chooses, and a deployment over HTTP as Camunda Modeler sends it.
 */
final class ProbeModels {

    private ProbeModels() {}

    /**
     * A process {@code key}: start → {@code Activity_Step} → end. The step is {@code <bpmn:tag id="Activity_Step"
     * name="Stap" attributes>head<incoming/><outgoing/>tail</bpmn:tag>} (head: extension elements, tail: a script).
     */
    static String process(String key, String tag, String attributes, String head, String tail) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_Probe" targetNamespace="http://asylumchain.nl/bpmn">
                  <bpmn:process id="KEY" name="Proef" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Event_Start" name="Gestart"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:TAG id="Activity_Step" name="Stap" ATTRIBUTES>HEAD<bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>TAIL</bpmn:TAG>
                    <bpmn:endEvent id="Event_End" name="Klaar"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_In" sourceRef="Event_Start" targetRef="Activity_Step"/>
                    <bpmn:sequenceFlow id="Flow_Out" sourceRef="Activity_Step" targetRef="Event_End"/>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="Diagram_Probe">
                    <bpmndi:BPMNPlane id="Plane_Probe" bpmnElement="KEY">
                      <bpmndi:BPMNShape id="Shape_Start" bpmnElement="Event_Start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Shape_Step" bpmnElement="Activity_Step"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Shape_End" bpmnElement="Event_End"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Edge_In" bpmnElement="Flow_In"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Edge_Out" bpmnElement="Flow_Out"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.replace("KEY", key)
                .replace("TAG", tag)
                .replace("ATTRIBUTES", attributes)
                .replace("HEAD", head)
                .replace("TAIL", tail);
    }

    static String process(String key, String tag, String attributes) {
        return process(key, tag, attributes, "", "");
    }

    /** A user task as the lint wants it: candidate group, due date and a Camunda Form. */
    static String validUserTask(String key) {
        return process(
                key,
                "userTask",
                "camunda:candidateGroups=\"process-designer\" camunda:dueDate=\"${dueDate}\" "
                        + "camunda:formRef=\"mainInterview\" camunda:formRefBinding=\"latest\"");
    }

    /** POST /engine-rest/deployment/create as multipart/form-data, one part per file, as Camunda Modeler does. */
    static ChainClient.Response deploy(int port, String user, String deploymentName, Map<String, String> files) {
        String boundary = "gate-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        part(body, boundary, "deployment-name", null, deploymentName);
        part(body, boundary, "deployment-source", null, "gate test");
        files.forEach((file, content) -> part(body, boundary, file, file, content));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            ObjectMapper json = new ObjectMapper();
            return new ChainClient.Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    null,
                    response.body().isBlank() ? json.nullNode() : json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(StringBuilder body, String boundary, String name, String fileName, String content) {
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
        if (fileName != null) {
            body.append("; filename=\"").append(fileName).append('"');
        }
        body.append("\r\n");
        if (fileName != null) {
            body.append("Content-Type: application/octet-stream\r\n");
        }
        body.append("\r\n").append(content).append("\r\n");
    }
}
