package nl.asylumchain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running asylum-chain over HTTP the way a client or a handler's browser would: our API and the
 * engine REST API, with HTTP Basic credentials of the demo users.
 */
public class ChainClient {

    /** The demo user of each group, as the README lists them; every password is {@code demo}. */
    public static final Map<String, String> USER_OF_GROUP = Map.ofEntries(
            Map.entry("police-avim", "agent"),
            Map.entry("kmar", "marechaussee"),
            Map.entry("ind-registration", "aanmelding"),
            Map.entry("ind-decision", "beslismedewerker"),
            Map.entry("ind-dublin", "dublin"),
            Map.entry("ind-reunification", "nareis"),
            Map.entry("coa", "coa"),
            Map.entry("nidos", "voogd"),
            Map.entry("municipality", "gemeente"),
            Map.entry("dtv", "terugkeer"),
            Map.entry("ind-team-lead", "teamleider"),
            Map.entry("process-designer", "ontwerper"),
            Map.entry("planner", "planner"),
            Map.entry("privacy-officer", "privacy"),
            Map.entry("camunda-admin", "demo"));

    public static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    public ChainClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * What Tasklist sends with every filter it opens (its task list controller): its own sorting, by default the
     * newest first, which the engine appends to the filter's order (priority, due date) as a last tie-break, active
     * tasks only, and the empty variable searches of its search bar. Asked as HAL, the answer also carries the count
     * and the values of the filter's columns.
     */
    public static final Map<String, Object> TASKLIST_EXTENSION = Map.of(
            "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")),
            "active", true,
            "processVariables", List.of(),
            "taskVariables", List.of(),
            "caseInstanceVariables", List.of());

    public record Response(int status, String contentType, String location, JsonNode body) {}

    public Response post(String path, String user, Object body, Map<String, String> headers) {
        try {
            String content = body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder request = request(path, user)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(content));
            headers.forEach(request::setHeader);
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String user, Object body) {
        return post(path, user, body, Map.of());
    }

    public Response get(String path, String user) {
        return get(path, user, Map.of());
    }

    public Response get(String path, String user, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, user).GET();
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    public Response put(String path, String user, Object body) {
        try {
            return send(request(path, user)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    /** A scrape of the Prometheus endpoint, as Prometheus does it: no credentials, text format. */
    public String scrape() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Accept", "text/plain")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Scrape answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Completes a task through the engine REST API as the given user, with typed variables. */
    public Response completeTask(String taskId, String user, Map<String, Object> variables) {
        return post("/engine-rest/task/" + taskId + "/complete", user, completion(variables));
    }

    /** The body of a task completion in the engine REST API: the variables typed as Tasklist sends them. */
    public static Map<String, Object> completion(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", typeOf(value))));
        return Map.of("variables", typed);
    }

    /** The open tasks of a case as the case file lists them (id, taskDefinitionKey, candidateGroups ...). */
    public List<JsonNode> openTasks(String caseId) {
        Response response = get("/api/cases/" + caseId, "demo");
        if (response.status() != 200) {
            throw new IllegalStateException(
                    "GET case " + caseId + " gave " + response.status() + ": " + response.body());
        }
        return iterable(response.body().path("openTasks"));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer) {
            return "Integer";
        }
        if (value instanceof Long) {
            return "Long";
        }
        return "String";
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            String credentials = user + ":" + PASSWORD;
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? json.nullNode()
                    : json.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid intake payload as the issue shows it; tests change what they need. */
    public static Map<String, Object> application() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("familyName", "Haddad");
        person.put("givenNames", "Amal");
        person.put("birthDate", "1994-03-12");
        person.put("sex", "F");
        person.put("nationality", "SYR");
        Map<String, Object> arrival = new LinkedHashMap<>();
        arrival.put("location", "TER_APEL");
        arrival.put("date", "2026-11-20");
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("person", person);
        application.put("applicationType", "FIRST");
        application.put("arrival", arrival);
        application.put("unaccompaniedMinor", false);
        application.put("temporaryProtectionUkraine", false);
        application.put("familyMembersAbroad", List.of(Map.of("relation", "SPOUSE", "birthDate", "1993-01-01")));
        return application;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> application, String name) {
        return (Map<String, Object>) application.get(name);
    }
}
