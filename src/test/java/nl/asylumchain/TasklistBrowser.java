package nl.asylumchain;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler's browser in Tasklist: logged in to the webapps with a session cookie (no password on later requests),
 * sending the XSRF-TOKEN cookie back as the X-XSRF-TOKEN header on changes, and calling the webapps' engine REST API
 * ({@code /camunda/api/engine/engine/default/...}) as Tasklist does.
 */
public record TasklistBrowser(HttpClient browser, CookieManager cookies, URI base) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The webapps' engine REST API, as Tasklist's scripts call it. */
    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    public static TasklistBrowser login(int port, String user) throws Exception {
        CookieManager cookies = new CookieManager();
        // HTTP/1.1: the client's h2c upgrade would cost the login form its body
        TasklistBrowser tasklist = new TasklistBrowser(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .cookieHandler(cookies)
                        .build(),
                cookies,
                URI.create("http://localhost:" + port));
        HttpResponse<String> page = tasklist.browser.send(
                HttpRequest.newBuilder(tasklist.base.resolve("/camunda/app/tasklist/default/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> login = tasklist.browser.send(
                HttpRequest.newBuilder(tasklist.base.resolve("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", tasklist.token())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=" + ChainClient.PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session; its CSRF token comes with the next read, as in the browser
        HttpResponse<String> count = tasklist.browser.send(
                HttpRequest.newBuilder(tasklist.base.resolve(ENGINE_API + "/task/count"))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        return tasklist;
    }

    public HttpResponse<String> complete(String taskId, Map<String, Object> variables, boolean withToken)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(ENGINE_API + "/task/" + taskId + "/complete"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/plain, */*")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ChainClient.completion(variables))));
        if (withToken) {
            request.header("X-XSRF-TOKEN", token());
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A change as the webapps send it: with the session and the CSRF token. */
    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return post(path, contentType, "application/json, text/plain, */*", body);
    }

    /** A request as the webapps send it, with the session, the CSRF token and the answer's media type. */
    public HttpResponse<String> post(String path, String contentType, String accept, String body) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", contentType)
                        .header("Accept", accept)
                        .header("X-XSRF-TOKEN", token())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }

    public static Response response(HttpResponse<String> answer) throws Exception {
        return new Response(
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""),
                null,
                answer.body().isEmpty() ? null : JSON.readTree(answer.body()));
    }
}
