package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Bad input on a task form is answered like bad input on our own API. When a handler completes a task through the
 * engine REST API (Tasklist submits the form there) and a step of the process refuses what they entered, the step
 * throws {@link InvalidRequestException}; this mapper turns it into 400 {@code application/problem+json} naming the
 * field, instead of the engine's 500. The transaction is rolled back, so the task stays open. {@code message} holds
 * the fields and their messages: the text Tasklist shows above the form.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    @Bean
    ResourceConfigCustomizer taskInputProblems(ObjectMapper json) {
        return config -> config.register(new InvalidTaskInputMapper(json));
    }

    /** Every other error of the engine REST API without exception class names or internal messages. */
    @Bean
    FilterRegistrationBean<EngineRestErrorBodies> engineRestErrorBodies(ObjectMapper json) {
        FilterRegistrationBean<EngineRestErrorBodies> registration =
                new FilterRegistrationBean<>(new EngineRestErrorBodies(json));
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * A refused deployment (the model gate, or the engine's own parser) is answered 400 with one entry per problem:
     * the resource, the element and what is wrong. Camunda's own answer would carry its exception text and codes;
     * this one carries only the problems list.
     */
    @Bean
    ResourceConfigCustomizer refusedModelProblems(ObjectMapper json) {
        return config -> config.register(new RefusedModelMapper(json));
    }

    /** One thing wrong with a deployed model. */
    record ModelProblem(String resource, String element, int line, String message) {
    }

    static final class RefusedModelMapper implements ExceptionMapper<ParseException> {

        private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

        private final ObjectMapper json;

        RefusedModelMapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(ParseException e) {
            List<ModelProblem> problems = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    problems.add(new ModelProblem(report.getResourceName(), problem.getMainElementId(),
                            problem.getLine(), problem.getMessage()));
                }
            }
            log.info("Deployment refused: {}", problems.stream().map(ModelProblem::resource).distinct().toList());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The deployment has "
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing of it was "
                    + "deployed.");
            problem.setTitle("Model refused");
            problem.setProperty("errors", problems);
            // Camunda Modeler shows "message" when a deployment fails
            problem.setProperty("message", problems.stream()
                    .map(p -> p.resource() + ": " + p.message()).collect(Collectors.joining("\n")));
            try {
                return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                        .entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    static final class InvalidTaskInputMapper implements ExceptionMapper<InvalidRequestException> {

        private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

        private final ObjectMapper json;

        InvalidTaskInputMapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(InvalidRequestException e) {
            log.info("Task input refused, fields {}", e.errors().stream().map(FieldError::field).toList());
            ProblemDetail problem = e.problem();
            problem.setProperty("message", e.summary());
            try {
                return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                        .entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }
}
