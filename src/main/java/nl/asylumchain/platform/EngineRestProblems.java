package nl.asylumchain.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST API (Tasklist and Cockpit talk to it, and so may clients) answers errors like our own API: an
 * {@code application/problem+json} body whose {@code detail} says what happened in words, never an exception
 * class, an SQL statement or a stack trace; {@code message} repeats it, because that is what Tasklist shows above
 * a form. Camunda's own mappers answer many expected refusals with 500 and the engine's exception text; ours take
 * precedence (a higher priority for the same exception types) and decide:
 * <ul>
 * <li>a task that does not exist or is completed already: 404;</li>
 * <li>somebody else changed the same task or process at the same moment (optimistic locking): 409, nothing saved;</li>
 * <li>a task the case's state does not let be completed now ({@link ConflictException} from a
 * {@link TaskCompletionGuard}, e.g. a held case's IND task): 409 saying why;</li>
 * <li>no authorization: 403;</li>
 * <li>a missing or {@code null} body, JSON that cannot be read, NUL in a text, a serialized Java object, an engine
 * "bad user request": 400;</li>
 * <li>a task form the process refuses ({@link InvalidRequestException}): 400 naming the fields; the transaction is
 * rolled back, so the task stays open;</li>
 * <li>a refused deployment (the model gate or the engine's parser): 400 listing resource, element and problem;</li>
 * <li>anything else: 500 with a fixed text, logged once at ERROR with its stack trace.</li>
 * </ul>
 * Every refusal (4xx) is one INFO line; the engine's own ERROR line for it is dropped by {@link RefusedInputLogFilter}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

    /** Ahead of Camunda's mappers for the same exception types, which have the default priority (5000). */
    static final int AHEAD_OF_CAMUNDA = 1000;

    /** Camunda's message id for a variable in Java serialization when the engine forbids that format. */
    static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    /** The webapps' engine REST API below their application path ({@code /camunda}), and its servlet's name. */
    static final String WEBAPPS_ENGINE_API = "/api/engine";

    static final String WEBAPPS_ENGINE_API_SERVLET = "Engine Api";

    @Bean
    ResourceConfigCustomizer engineRestProblemMappers(ObjectMapper json, ObjectProvider<ProcessEngine> engine) {
        ProblemWriter writer = new ProblemWriter(json, taskId -> taskExists(engine.getObject(), taskId));
        return config -> config.register(new InvalidTaskInputMapper(writer))
                .register(new RestExceptionMapper(writer))
                .register(new EngineExceptionMapper(writer))
                .register(new JsonMappingMapper(writer))
                .register(new JsonParseMapper(writer))
                .register(new AnyThrowableMapper(writer))
                .register(BodyCheck.class);
    }

    /** Every other error of the engine REST API without exception class names or internal messages. */
    @Bean
    FilterRegistrationBean<EngineRestErrorBodies> engineRestErrorBodies(
            ObjectMapper json, CamundaBpmProperties camunda) {
        String webappsEngineApi = camunda.getWebapp().getApplicationPath() + WEBAPPS_ENGINE_API;
        FilterRegistrationBean<EngineRestErrorBodies> registration = new FilterRegistrationBean<>(
                new EngineRestErrorBodies(json, List.of("/engine-rest/", webappsEngineApi + "/")));
        registration.addUrlPatterns("/engine-rest/*", webappsEngineApi + "/*");
        return registration;
    }

    /**
     * Tasklist, Cockpit and Admin do not call {@code /engine-rest}: they call the webapps' own copy of the engine REST
     * API ({@code /camunda/api/engine/engine/default/...}), a Jersey servlet of its own that Camunda's webapp starter
     * registers with Camunda's mappers only. Two handlers completing one task in Tasklist would get a 500 with the
     * engine's exception text for the loser. So that servlet is ours: the same resources (Camunda's
     * {@code EngineRestApplication}) with every {@link ResourceConfigCustomizer} that configures {@code /engine-rest}
     * (these mappers, {@link BodyCheck}, ...), so both answer alike without a second copy of any rule. The starter
     * leaves a servlet of the same name alone when one is registered already, hence the name and the order: ahead of
     * the starter's initializer, which has none. Without the webapps there is none: their login and CSRF filters
     * guard this path, and without them it would be open.
     */
    @Bean
    @ConditionalOnProperty(prefix = WebappProperty.PREFIX, name = "enabled", matchIfMissing = true)
    ServletRegistrationBean<ServletContainer> webappsEngineApi(
            ObjectProvider<ResourceConfigCustomizer> customizers, CamundaBpmProperties camunda) {
        ResourceConfig config = ResourceConfig.forApplicationClass(EngineRestApplication.class);
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
                new ServletContainer(config), camunda.getWebapp().getApplicationPath() + WEBAPPS_ENGINE_API + "/*");
        registration.setName(WEBAPPS_ENGINE_API_SERVLET);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
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
    record ModelProblem(String resource, String element, int line, String message) {}

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
                    problems.add(new ModelProblem(
                            report.getResourceName(),
                            problem.getMainElementId(),
                            problem.getLine(),
                            problem.getMessage()));
                }
            }
            log.info(
                    "Deployment refused: {}",
                    problems.stream().map(ModelProblem::resource).distinct().toList());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "The deployment has "
                            + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                            + "; nothing of it was "
                            + "deployed.");
            problem.setTitle("Model refused");
            problem.setProperty("errors", problems);
            // Camunda Modeler shows "message" when a deployment fails
            problem.setProperty(
                    "message",
                    problems.stream()
                            .map(p -> p.resource() + ": " + p.message())
                            .collect(Collectors.joining("\n")));
            try {
                return Response.status(Response.Status.BAD_REQUEST)
                        .type("application/problem+json")
                        .entity(json.writeValueAsString(problem))
                        .build();
            } catch (JsonProcessingException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /**
     * Whether a task exists, whoever may see it: read by id, without the authorization check a query would make
     * for the user of the request.
     */
    private static boolean taskExists(ProcessEngine engine, String taskId) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
    }

    /** Writes the problem body and the one log line of a refusal. */
    static final class ProblemWriter {

        /** A task in {@code /engine-rest} or in the webapps' copy ({@code .../api/engine/engine/default}). */
        private static final Pattern TASK_PATH =
                Pattern.compile("(?:/engine-rest|/api/engine/engine/[^/]+)/task/([^/]+)/");

        private final ObjectMapper json;
        private final Predicate<String> taskExists;

        ProblemWriter(ObjectMapper json, Predicate<String> taskExists) {
            this.json = json;
            this.taskExists = taskExists;
        }

        /**
         * A handler who loses the race for a task may be refused by the authorization check instead of the optimistic
         * lock: the winner's completion removed the candidate groups that check reads. Their task is gone, not
         * forbidden.
         */
        boolean taskOfRequestIsGone() {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return false;
            }
            Matcher task = TASK_PATH.matcher(attributes.getRequest().getRequestURI());
            return task.find() && !taskExists.test(task.group(1));
        }

        Response refuse(HttpStatus status, String detail, Throwable cause) {
            log.info(
                    "Engine REST {} refused with {}: {} ({})",
                    request(),
                    status.value(),
                    detail,
                    cause.getClass().getSimpleName());
            return write(ProblemDetail.forStatusAndDetail(status, detail));
        }

        Response write(ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("message")) {
                problem.setProperty("message", problem.getDetail());
            }
            try {
                return Response.status(problem.getStatus())
                        .type("application/problem+json")
                        .entity(json.writeValueAsString(problem))
                        .build();
            } catch (JsonProcessingException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }

        Response failure(Throwable e) {
            log.error("Engine REST {} failed", request(), e);
            return write(ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed."));
        }

        private static String request() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                return request.getMethod() + " " + request.getRequestURI();
            }
            return "request";
        }
    }

    /** What an exception from the engine means for the client; {@code null} when it is our failure. */
    static Response answer(ProblemWriter writer, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return writer.refuse(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), cause);
            }
            if (cause instanceof InvalidRequestException invalid) {
                return taskInput(writer, invalid);
            }
            if (cause instanceof ConflictException conflict) {
                // the case's state does not allow it now (a held case's IND task): the task stays open
                return writer.refuse(HttpStatus.CONFLICT, conflict.getMessage(), cause);
            }
            if (cause instanceof ParseException refusedModel) {
                return new RefusedModelMapper(writer.json).toResponse(refusedModel);
            }
            if (cause instanceof AuthorizationException) {
                if (writer.taskOfRequestIsGone()) {
                    return writer.refuse(
                            HttpStatus.NOT_FOUND,
                            "Not found: it does not exist, is completed already, or is not yours to see.",
                            cause);
                }
                return writer.refuse(HttpStatus.FORBIDDEN, "Your groups do not allow this.", cause);
            }
            if (cause instanceof OptimisticLockingException || ConcurrentUpdates.isConcurrentUpdate(cause)) {
                return writer.refuse(
                        HttpStatus.CONFLICT,
                        "Somebody else changed this at the same moment (completed "
                                + "the task, for example); nothing of yours was saved. Reload and try again.",
                        cause);
            }
            if (cause instanceof NotFoundException
                    || cause instanceof NullValueException
                            && cause.getMessage() != null
                            && cause.getMessage().startsWith("Cannot find")) {
                return writer.refuse(
                        HttpStatus.NOT_FOUND,
                        "Not found: it does not exist, is completed already, or is not yours to see.",
                        cause);
            }
            if (cause instanceof ProcessEngineException engine
                    && engine.getMessage() != null
                    && engine.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
                return writer.refuse(
                        HttpStatus.BAD_REQUEST,
                        "Serialized Java objects are not accepted; send variables as JSON values.",
                        cause);
            }
            if (ConcurrentUpdates.isRefusedValue(cause)) {
                return writer.refuse(
                        HttpStatus.BAD_REQUEST,
                        "A value does not fit: a text is too long (variables "
                                + "hold at most 4000 characters) or holds a character that cannot be stored.",
                        cause);
            }
            if (cause instanceof BadUserRequestException) {
                return writer.refuse(HttpStatus.BAD_REQUEST, firstLine(cause.getMessage()), cause);
            }
            if (cause instanceof JsonProcessingException json) {
                FieldError error = JsonFieldErrors.describe(json);
                return writer.refuse(
                        HttpStatus.BAD_REQUEST,
                        (error.field().isEmpty() ? "" : error.field() + ": ") + error.message(),
                        cause);
            }
        }
        return null;
    }

    private static Response taskInput(ProblemWriter writer, InvalidRequestException e) {
        if (writer.taskOfRequestIsGone()) {
            // a loser of a race is checked against the step the winner moved the case to: its task is gone
            return writer.refuse(
                    HttpStatus.NOT_FOUND,
                    "Not found: it does not exist, is completed already, or is not yours to see.",
                    e);
        }
        log.info(
                "Task input refused, fields {}",
                e.errors().stream().map(FieldError::field).toList());
        ProblemDetail problem = e.problem();
        problem.setProperty("message", e.summary());
        return writer.write(problem);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "The request cannot be carried out.";
        }
        String line = message.lines().findFirst().orElse(message);
        // no Java class names (EngineRestErrorBodies), and the engine's message ids (ENGINE-13017 ...) mean nothing
        // to a handler
        return EngineRestErrorBodies.clean(line).replaceAll("\\b[A-Z]+-\\d{5} ", "");
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static final class InvalidTaskInputMapper implements ExceptionMapper<InvalidRequestException> {

        private final ProblemWriter writer;

        InvalidTaskInputMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(InvalidRequestException e) {
            return taskInput(writer, e);
        }
    }

    /**
     * Camunda's resources wrap most engine exceptions in a {@link RestException} with status 500 ("Cannot complete
     * task ..."); then the cause decides. A 4xx it chose itself is kept, with its message.
     */
    @Priority(AHEAD_OF_CAMUNDA)
    static final class RestExceptionMapper implements ExceptionMapper<RestException> {

        private final ProblemWriter writer;

        RestExceptionMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(RestException e) {
            if (e.getStatus() != null && e.getStatus().getStatusCode() < 500) {
                // Camunda wrote this refusal for the client ("Cannot set query parameter 'dueAfter' ...")
                HttpStatus status = HttpStatus.valueOf(e.getStatus().getStatusCode());
                return writer.refuse(status, firstLine(e.getMessage()), e);
            }
            Response known = answer(writer, e.getCause());
            return known != null ? known : writer.failure(e);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static final class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProblemWriter writer;

        EngineExceptionMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            Response known = answer(writer, e);
            return known != null ? known : writer.failure(e);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static final class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

        private final ProblemWriter writer;

        JsonMappingMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(JsonMappingException e) {
            return answer(writer, e);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static final class JsonParseMapper implements ExceptionMapper<JsonParseException> {

        private final ProblemWriter writer;

        JsonParseMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(JsonParseException e) {
            return answer(writer, e);
        }
    }

    /** Unknown paths, wrong methods and media types keep their status; anything else is our failure. */
    @Priority(AHEAD_OF_CAMUNDA)
    static final class AnyThrowableMapper implements ExceptionMapper<Throwable> {

        private final ProblemWriter writer;

        AnyThrowableMapper(ProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                HttpStatus status = HttpStatus.valueOf(web.getResponse().getStatus());
                return writer.refuse(status, status.getReasonPhrase() + ".", e);
            }
            Response known = answer(writer, e);
            return known != null ? known : writer.failure(e);
        }
    }

    /**
     * A resource method that takes a JSON body gets one: Camunda's resources read a missing or {@code null} body as
     * a null object and fail with a NullPointerException (a 500). And no text in it holds NUL (escaped in JSON as backslash-u0000),
     * which PostgreSQL cannot store: the engine would fail at flush, after the work was done.
     */
    @Priority(AHEAD_OF_CAMUNDA)
    static final class BodyCheck implements ContainerRequestFilter {

        private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

        @Context
        private ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            Method method = resource == null ? null : resource.getResourceMethod();
            if (!BODY_METHODS.contains(request.getMethod()) || method == null || !takesEntity(method)) {
                return;
            }
            MediaType type = request.getMediaType();
            boolean json = type == null
                    || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || type.getSubtype().endsWith("+json");
            byte[] body = request.getLength() == 0
                    ? new byte[0]
                    : request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            String text = new String(body, StandardCharsets.UTF_8);
            if (json && (text.isBlank() || "null".equals(text.strip()))) {
                throw new BadUserRequestException("The request needs a JSON body; send {} for none.");
            }
            if (json
                    && (text.indexOf('\u0000') >= 0
                            || text.toLowerCase(Locale.ROOT).contains("\\u0000"))) {
                throw new BadUserRequestException("Texts must not contain the NUL character.");
            }
            // refused before any check reads the value: reading it would mean deserializing it
            if (json && text.contains("application/x-java-serialized-object")) {
                throw new BadUserRequestException(
                        "Serialized Java objects are not accepted; send variables as JSON values.");
            }
        }

        /** JAX-RS passes the body to the one parameter without an annotation. */
        private static boolean takesEntity(Method method) {
            for (Annotation[] annotations : method.getParameterAnnotations()) {
                if (annotations.length == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
