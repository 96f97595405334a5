package nl.asylumchain.platform;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedInputLogFilterTest {

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final RefusedInputLogFilter filter = new RefusedInputLogFilter();
    private final Logger engineContext = logback.getLogger(RefusedInputLogFilter.ENGINE_CONTEXT_LOGGER);

    @AfterEach
    void removeFilterAndRequest() {
        logback.getTurboFilterList().remove(filter);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aFormTheProcessRefusesIsDroppedOnEveryThread() {
        var refused = new InvalidRequestException("decision", "must be one of the form's values");

        assertThat(decide(engineContext, refused)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", new Object[] {refused}, null))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void theAnswersToARequestAreDroppedOnlyWhileServingOne() {
        var lost = new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed");
        var gone = new NotFoundException("case 42 not found");

        assertThat(decide(engineContext, lost)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engineContext, gone)).isEqualTo(FilterReply.NEUTRAL);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(decide(engineContext, lost)).isEqualTo(FilterReply.DENY);
        assertThat(decide(engineContext, gone)).isEqualTo(FilterReply.DENY);
        assertThat(decide(engineContext, new IllegalStateException("a fault"))).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void otherLoggersAndLevelChecksAreLeftAlone() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(decide(logback.getLogger("org.camunda.bpm.engine.cmd"), new InvalidRequestException("f", "m")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engineContext, Level.DEBUG, null, null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engineContext, Level.DEBUG, "ENGINE-13005 {}", new Object[] {"cmd"}, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(Logger logger, Throwable thrown) {
        return filter.decide(
                null, logger, Level.ERROR, "ENGINE-16004 Exception while closing command context", null, thrown);
    }
}
