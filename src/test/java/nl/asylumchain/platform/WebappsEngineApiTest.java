package nl.asylumchain.platform;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps' engine REST API is served by our servlet only while the webapps are on: their login and CSRF filters
 * guard that path, so without them the servlet would answer anybody.
 */
class WebappsEngineApiTest {

    final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withUserConfiguration(EngineRestProblems.class)
            .withBean(ObjectMapper.class)
            .withBean(CamundaBpmProperties.class);

    @Test
    void theWebappsEngineApiServletIsOursUnderTheWebappsPath() {
        context.run(started -> assertThat(started.getBean("webappsEngineApi", ServletRegistrationBean.class)
                        .getUrlMappings())
                .containsExactly("/camunda/api/engine/*"));
    }

    @Test
    void withoutTheWebappsThereIsNoUnguardedEngineApiUnderTheirPath() {
        context.withPropertyValues("camunda.bpm.webapp.enabled=false")
                .run(started -> assertThat(started).doesNotHaveBean("webappsEngineApi"));
    }
}
