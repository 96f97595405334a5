package nl.asylumchain.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST API answers errors as {@code {"type": "<exception class>", "message": ..., "code": ...}}, and its
 * messages name Java classes ({@code org.camunda.bpm.engine.MismatchingMessageCorrelationException: ...},
 * {@code java.util.Date}); on a 500 they are whatever broke inside (SQL included). This filter turns such an error
 * into {@code application/problem+json} like the rest of our API: no class names, {@code detail} and
 * {@code message} (which Camunda's clients show) hold the engine's message for a 4xx with Java names removed, and a
 * fixed sentence for a 5xx, whose original is logged. The error {@code code} stays. Bodies of successful answers
 * pass untouched and unbuffered; problem bodies of our own ({@link EngineRestProblems}) pass as they are.
 */
class EngineRestErrorBodies extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrorBodies.class);

    /** {@code org.camunda.bpm.engine.SomeException: } at the start of a wrapped message. */
    private static final Pattern QUALIFIED_EXCEPTION =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");
    /** Any other fully qualified Java name ({@code java.util.Date}): its simple name says enough. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)");

    static final String INTERNAL_ERROR = "Something went wrong on our side; nothing was changed.";

    private final ObjectMapper json;
    /** Where an engine REST API answers: {@code /engine-rest/}, and the webapps' own copy of it. */
    private final List<String> paths;

    EngineRestErrorBodies(ObjectMapper json) {
        this(json, List.of("/engine-rest/"));
    }

    EngineRestErrorBodies(ObjectMapper json, List<String> paths) {
        this.json = json;
        this.paths = List.copyOf(paths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        if (capture.buffer == null) {
            return;
        }
        capture.flushWriter();
        byte[] body = capture.buffer.toByteArray();
        byte[] rewritten = rewrite(request, response.getStatus(), response.getContentType(), body);
        if (rewritten != body) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        response.setContentLength(rewritten.length);
        response.getOutputStream().write(rewritten);
    }

    private byte[] rewrite(HttpServletRequest request, int status, String contentType, byte[] body) {
        if (contentType == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
                || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return body;
        }
        try {
            JsonNode error = json.readTree(body);
            if (error == null || !error.has("type") || !error.has("message")) {
                return body;
            }
            String message = error.path("message").asText("");
            String detail;
            if (status >= 500) {
                log.warn(
                        "Engine REST {} {} answered {}: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        status,
                        message);
                detail = INTERNAL_ERROR;
            } else {
                detail = clean(message);
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            problem.setDetail(detail);
            problem.setProperty("message", detail);
            if (error.hasNonNull("code") && error.path("code").asInt() != 0) {
                problem.setProperty("code", error.path("code").asInt());
            }
            return json.writeValueAsBytes(problem);
        } catch (IOException notJson) {
            return body;
        }
    }

    static String clean(String message) {
        String withoutExceptions = QUALIFIED_EXCEPTION.matcher(message).replaceAll("");
        return QUALIFIED_NAME.matcher(withoutExceptions).replaceAll("$1");
    }

    /**
     * Lets an answer through as it is written, unless its status is an error: then its body is kept back so that it
     * can be rewritten (error bodies are small). The engine sets the status before it writes.
     */
    private static final class ErrorCapture extends HttpServletResponseWrapper {

        private ByteArrayOutputStream buffer;
        private PrintWriter writer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        private boolean capturing() {
            return buffer != null || getStatus() >= 400;
        }

        private ByteArrayOutputStream buffer() {
            if (buffer == null) {
                buffer = new ByteArrayOutputStream();
            }
            return buffer;
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!capturing()) {
                return super.getOutputStream();
            }
            ByteArrayOutputStream target = buffer();
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    target.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    target.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    // the body goes to a buffer, so writing is always possible
                    try {
                        listener.onWritePossible();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!capturing()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (!capturing()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!capturing()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void addIntHeader(String name, int value) {
            if (!(capturing() && "Content-Length".equalsIgnoreCase(name))) {
                super.addIntHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!capturing()) {
                super.flushBuffer();
            }
        }
    }
}
