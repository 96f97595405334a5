package nl.asylumchain.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * The forecast's application: the whole chain (every module's services, delegates and rules) without its web face.
 * It scans what the application scans ({@code nl.asylumchain}), less the classes that serve HTTP (controllers, security filter
 * chains, servlet filters), which have nothing to do without a web server.
 */
@SpringBootConfiguration
// by name: the forecast's root package does not import the engine; REST and webapps need a servlet container
@EnableAutoConfiguration(
        excludeName = {
            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
            "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"
        })
@ComponentScan(
        basePackages = "nl.asylumchain",
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = ForecastApplication.WebOnly.class)
        })
// only in the forecast's own context: the application's scan finds this class too, and without the profile its
// exclusions (the engine's REST API, the webapps) would switch those off in the live application
@Profile(ForecastCommand.PROFILE)
class ForecastApplication {

    /**
     * A class that serves HTTP: in a {@code web} package, or referring to the servlet API, Spring MVC or web
     * security in its byte code.
     */
    static final class WebOnly implements TypeFilter {

        private static final List<String> WEB_REFERENCES = List.of(
                "jakarta/servlet/",
                "org/springframework/web/servlet/",
                "org/springframework/boot/web/servlet/",
                "org/springframework/security/config/annotation/web/",
                "org/springframework/web/bind/annotation/",
                "org/springframework/security/web/");

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String name = reader.getClassMetadata().getClassName();
            // the application class itself: its own scan would bring the web classes back
            if (reader.getAnnotationMetadata().hasAnnotation(SpringBootApplication.class.getName())
                    || name.contains(".web.")) {
                return true;
            }
            String bytes;
            try (InputStream in = reader.getResource().getInputStream()) {
                bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            return WEB_REFERENCES.stream().anyMatch(bytes::contains);
        }
    }
}
