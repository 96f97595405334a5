package nl.asylumchain.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine REST API says when it breaks inside never reaches the client; successful answers pass as they are.
 */
class EngineRestErrorBodiesTest {

    final EngineRestErrorBodies filter = new EngineRestErrorBodies(new ObjectMapper());

    @Test
    void anInternalErrorOfTheEngineRestApiTellsTheClientNothingOfWhatBroke() throws Exception {
        MockHttpServletResponse response = answer(500, """
                {"type":"ProcessEngineException","message":"ENGINE-03083 Exception while executing Batch Database \
                Operations: org.postgresql.util.PSQLException: ERROR: relation \\"act_ru_task\\" does not exist",\
                "code":0}""");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .doesNotContain("Exception", "act_ru_task", "ENGINE-")
                .contains(EngineRestErrorBodies.INTERNAL_ERROR);
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void aSuccessfulAnswerPassesUntouched() throws Exception {
        String body = "[{\"id\":\"a\",\"type\":\"x\",\"message\":\"not an error\"}]";

        MockHttpServletResponse response = answer(200, body);

        assertThat(response.getContentAsString()).isEqualTo(body);
        assertThat(response.getContentType()).isEqualTo("application/json");
    }

    private MockHttpServletResponse answer(int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(status);
            http.setContentType("application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            http.setContentLength(bytes.length);
            http.getOutputStream().write(bytes);
        });
        return response;
    }
}
