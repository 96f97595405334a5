package nl.asylumchain.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API is an {@code application/problem+json} body; bad input lists each bad field as
 * {@code {"errors":[{"field":"person.birthDate","message":"..."}]}}. No stack trace ever reaches a client.
 */
@RestControllerAdvice(basePackages = "nl.asylumchain")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(nameOf(result.getMethodParameter()), error.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return badRequest(List.of(JsonFieldErrors.describe(e.getCause())));
    }

    /** A multipart or otherwise unparsable body where our API expects JSON. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.problem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
    }

    /**
     * The field as the client named it: a violation on a controller's parameter has the path
     * {@code method.parameter[.property...]}; the Java method name means nothing to a client (and tells how the
     * server is built), so it is left out, and so is the parameter's name when properties of its body follow.
     */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            names.add(node.toString());
        }
        if (names.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return String.join(".", names);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        log.info("Refused with 409: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Left to Spring Security, which answers 401 or 403. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (ConcurrentUpdates.isConcurrentUpdate(e)) {
            // a race no retry covered: the transaction was rolled back, the client may simply repeat
            log.info("Refused with 409, concurrent update: {}", e.getClass().getSimpleName());
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "The case was changed by another request at the same time; nothing of yours was saved. Try again.");
        }
        if (ConcurrentUpdates.isRefusedValue(e)) {
            log.info(
                    "Refused with 400, the database refused a value: {}",
                    e.getClass().getSimpleName());
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "A value does not fit: a text is too long or holds a character that cannot be stored.");
        }
        log.error("Unexpected error in API call", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed.");
    }

    /**
     * A violation on a controller's parameter is named like the request names it: a header by its header name
     * ({@code Idempotency-Key}), a parameter by its name; a property by its path.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                try {
                    Method target = ClassUtils.getUserClass(violation.getRootBeanClass())
                            .getDeclaredMethod(
                                    method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                    RequestHeader header = new MethodParameter(
                                    target, node.as(Path.ParameterNode.class).getParameterIndex())
                            .getParameterAnnotation(RequestHeader.class);
                    if (header != null && !header.name().isEmpty()) {
                        return header.name();
                    }
                } catch (NoSuchMethodException e) {
                    // named by its path below
                }
                break;
            }
        }
        return fieldOf(violation.getPropertyPath());
    }

    /** A header is named as the client sends it ({@code Idempotency-Key}), anything else by its parameter. */
    private static String nameOf(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private ResponseEntity<Object> badRequest(List<FieldError> errors) {
        return invalidRequest(new InvalidRequestException(errors));
    }
}
