package nl.asylumchain.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests refused before anything reads them. A path with parameters ({@code /engine-rest;/task}) is malformed for
 * both APIs: 400 (Jersey would fail on it with a 500). And the largest request body each API accepts, refused with 413 before anything reads it. Our API takes small JSON
 * documents: an intake with twenty family members is about 3 KB, so {@value #API_LIMIT} bytes leaves room and
 * stops a client that streams megabytes of whitespace before its JSON. The engine REST API also takes deployments
 * (models and forms) from process designers: {@value #ENGINE_REST_LIMIT} bytes. A body without Content-Length is
 * counted while it is read and cut off at the same limit.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    static final int API_LIMIT = 64 * 1024;
    static final int ENGINE_REST_LIMIT = 5 * 1024 * 1024;

    /** Tasklist's and Cockpit's copy of the engine REST API (the webapps' default application path). */
    static final String WEBAPPS_ENGINE_API = "/camunda" + EngineRestProblems.WEBAPPS_ENGINE_API;

    @Bean
    FilterRegistrationBean<LimitFilter> requestBodyLimitFilter(ObjectMapper json) {
        FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(new LimitFilter(json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", WEBAPPS_ENGINE_API + "/*");
        // before security and everything else that might read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Thrown while reading a body that turns out longer than its limit; answered with 413. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes.");
        }
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        LimitFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.indexOf(';') >= 0) {
                refuse(response, HttpStatus.BAD_REQUEST, "The path is malformed: it must not contain ';'.");
                return;
            }
            int limit = path.startsWith("/engine-rest") || path.startsWith(WEBAPPS_ENGINE_API)
                    ? ENGINE_REST_LIMIT
                    : API_LIMIT;
            if (request.getContentLengthLong() > limit) {
                // the client may still be sending; it gets its answer and the connection is not reused
                response.setHeader("Connection", "close");
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
                return;
            }
            chain.doFilter(new LimitedRequest(request, limit), response);
        }

        private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            logger.info("Refused with " + status.value() + ": " + detail);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
