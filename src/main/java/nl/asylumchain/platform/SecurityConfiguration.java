package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our API and the engine REST API need HTTP Basic credentials of an engine user; the Camunda web applications
 * keep their own login; health and metrics stay open for probes and Prometheus.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** JSON answers are never a page: nothing in them may load or run. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, IdentityService identityService, ProblemSecurityHandler problems, ObjectMapper json)
            throws Exception {
        return http
                // path patterns, not MVC matchers: the engine REST API is a servlet of its own (Jersey)
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // job operations are for administrators; refused here, a request never reaches the job
                        // (the engine checks again before running one, see GuardedManagementService)
                        .requestMatchers(jobOperations())
                        .hasAuthority(Groups.CAMUNDA_ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // stateless Basic authentication for machine clients: no session, so no CSRF token to protect
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // ... but a browser that remembers Basic credentials must not send changes from another site
                .addFilterBefore(new CrossSiteRequestGuard(json), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Executing, retrying, rescheduling, suspending or deleting jobs and job definitions (reads stay open). */
    static RequestMatcher jobOperations() {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            for (String pattern : List.of("/engine-rest/job/{id}/**", "/engine-rest/job-definition/{id}/**")) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
            }
        }
        return new OrRequestMatcher(matchers);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/actuator/health/**"), path("/actuator/prometheus"), path("/actuator/info"))
                        .permitAll()
                        .requestMatchers(path("/actuator/**"))
                        .hasAuthority(Groups.CAMUNDA_ADMIN)
                        // Cockpit, Tasklist and Admin authenticate against the engine themselves
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic -> {})
                // the Camunda web applications bring their own CSRF protection
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the webapps send their own Content-Security-Policy (with nonces); a second one would
                        // block them, so ours goes on every other page only
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new ContentSecurityPolicyHeaderWriter(BrowserSecurityConfiguration.OUR_PAGES_POLICY))))
                .build();
    }
}
