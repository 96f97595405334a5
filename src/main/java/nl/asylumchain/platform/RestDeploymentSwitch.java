package nl.asylumchain.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whether a process designer may deploy models through {@code /engine-rest} (Camunda Modeler's "Deploy"). On the
 * laptop default (H2) yes, to try a model out; on any other database no, unless
 * {@code asylumchain.models.rest-deployment=true} says so: there models come from the release (the jar's
 * {@code bpmn/} and {@code dmn/}), reviewed in version control, and the application deploys them at start-up
 * through the same gate. When off, creating or redeploying a deployment is answered 403 for everyone, administrators
 * included; reading deployments stays as the authorizations allow. Runs after Spring Security, so an anonymous
 * request still gets its 401 first.
 */
@Configuration(proxyBeanMethods = false)
class RestDeploymentSwitch {

    static final String PROPERTY = "asylumchain.models.rest-deployment";

    private static final Logger log = LoggerFactory.getLogger(RestDeploymentSwitch.class);

    /** The property when set; otherwise on only for the embedded H2 database of the laptop default. */
    static boolean enabled(Environment environment) {
        String setting = environment.getProperty(PROPERTY);
        if (setting != null && !setting.isBlank()) {
            return Boolean.parseBoolean(setting.trim());
        }
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> restDeploymentFilter(
            Environment environment, ProblemSecurityHandler problems, CamundaBpmProperties camunda) {
        boolean enabled = enabled(environment);
        log.info(
                "Deploying models through /engine-rest and the webapps' engine API is {} ({})",
                enabled ? "on" : "off",
                PROPERTY);
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (!enabled && createsDeployment(request)) {
                            problems.write(
                                    response,
                                    HttpStatus.FORBIDDEN,
                                    "Deploying models through the REST API "
                                            + "is switched off here: models reach this installation with the release ("
                                            + PROPERTY + ").");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        // the webapps serve the same engine resources to Cockpit under their own path, deployments included
        registration.addUrlPatterns(
                "/engine-rest/deployment/*",
                camunda.getWebapp().getApplicationPath() + EngineRestProblems.WEBAPPS_ENGINE_API + "/*");
        registration.setName("restDeploymentSwitch");
        return registration;
    }

    private static boolean createsDeployment(HttpServletRequest request) {
        // a trailing slash reaches the same Jersey resource
        String path = request.getRequestURI().replaceAll("/+$", "");
        return "POST".equalsIgnoreCase(request.getMethod())
                && (path.endsWith("/deployment/create") || path.contains("/deployment/") && path.endsWith("/redeploy"));
    }
}
