package nl.asylumchain;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The engine REST API finds its engine by name in Camunda's static registry ({@link ProcessEngines}), and every
 * engine in a JVM is called "default": the Spring contexts the tests cache and the engines of the process tests
 * ({@code camunda.cfg.xml}) all register under that name, the last one winning. Before each test method this
 * listener registers the engine of the test's own application context again, so that {@code /engine-rest} talks to
 * the same database as the rest of the application under test. Registered for every test class in
 * {@code META-INF/spring.factories}; tests without a Spring context are left alone.
 */
public class EngineOfThisContext extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
