package nl.asylumchain.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of one of our controllers needs from the platform to read requests as the application
 * does: strict JSON ({@link StrictJson}) and the body limit ({@link RequestBodyLimit}). The problem+json answers
 * ({@link ApiExceptionHandler}) come with the slice by themselves (a controller advice). No engine, no database:
 * for rules a request breaks before any service sees it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({StrictJson.class, RequestBodyLimit.class})
public class ApiWebSlice {}
