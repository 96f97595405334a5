package nl.asylumchain.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our API and the engine REST API are for machine clients with HTTP Basic credentials, and browsers remember such
 * credentials and send them along with any request to this host, also one a page of another site makes. A cross-site
 * page can send a "simple" request without asking first (CORS): a form post or a {@code fetch} with a body of
 * {@code text/plain}, form fields or multipart, or without a body. So a request that would change something is
 * refused here, before authentication, when
 * <ul>
 * <li>the browser says it comes from another site ({@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}) or names another origin ({@code Origin}); machine clients send neither; or</li>
 * <li>its body is one a form can send ({@code text/plain}, {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}): our API and the engine's take JSON, except the engine's file uploads (a deployment,
 * a file variable, an attachment), which take multipart and are guarded by the first rule.</li>
 * </ul>
 * A JSON body from another site needs a CORS preflight, which this application never grants.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");
    private static final Set<String> FORM_BODIES =
            Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    /** The engine REST API's uploads: {@code /deployment/create}, {@code .../variables/{name}/data}, attachments. */
    private static final List<String> MULTIPART_ENDPOINT_SUFFIXES =
            List.of("/deployment/create", "/data", "/attachment/create");

    private final ObjectMapper json;

    CrossSiteRequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            refuse(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Sec-Fetch-Site",
                    "a page of another site cannot change anything here");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            refuse(response, HttpStatus.FORBIDDEN, "Origin", "a page of another site cannot change anything here");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && isFormBody(contentType) && !isUpload(request, contentType)) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "must be application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isFormBody(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return FORM_BODIES.contains(type.getType() + "/" + type.getSubtype());
        } catch (IllegalArgumentException unreadable) {
            // a browser sends only well-formed types; whatever this is, it is no JSON either
            return true;
        }
    }

    private static boolean isUpload(HttpServletRequest request, String contentType) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && path.startsWith("/engine-rest/")
                && MULTIPART_ENDPOINT_SUFFIXES.stream().anyMatch(path::endsWith);
    }

    /** Scheme, host and port as this request arrived (behind a proxy: as the forwarded headers say). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null": a sandboxed page, a file, a redirect across sites
            }
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String field, String message)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Refused: " + field + " " + message + ".");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
