package nl.asylumchain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on in-memory H2 for the reception and housing module tests, one context shared by them:
 * no job executor (tests decide what happens when), and a family location with one place so over capacity shows.
 * Not {@link ChainTestContext}: the housing proposal and the quota report read every housed person of a half-year,
 * so cases of other tests would change them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:receptionhousing;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.reception.capacity.family-location=1"
        })
public @interface ReceptionHousingTestContext {}
