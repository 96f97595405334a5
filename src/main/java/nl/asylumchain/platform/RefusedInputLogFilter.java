package nl.asylumchain.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * An expected refusal is one INFO line, not an ERROR with a stack trace. The engine logs every exception of a
 * command at ERROR (ENGINE-16004, some 190 lines), also when the exception is the answer to a request: a form the
 * process refuses ({@link InvalidRequestException}), an event the case is not waiting for (a message nobody
 * correlates), a task that is gone, a race lost to optimistic locking. On a thread that serves an HTTP request
 * those lines are dropped: the request's answer (400, 404, 409) is logged at INFO by {@link ApiExceptionHandler}
 * or {@link EngineRestProblems}. The same exceptions in the job executor, and every other engine error, are logged
 * as before.
 */
@Component
class RefusedInputLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    RefusedInputLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Logback asks every turbo filter at every isDebugEnabled() too (no throwable, no parameters): the engine
        // asks thousands of times a second, so that case is answered first.
        if (t == null && params == null || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (isRefusal(t)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown && isRefusal(thrown)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isRefusal(Throwable t) {
        if (t instanceof InvalidRequestException) {
            return true;
        }
        boolean answerToRequest = t instanceof MismatchingMessageCorrelationException
                || t instanceof OptimisticLockingException
                || t instanceof AuthorizationException
                || t instanceof BadUserRequestException
                || t instanceof ConflictException
                || t instanceof NotFoundException
                || t instanceof NullValueException
                        && t.getMessage() != null
                        && t.getMessage().startsWith("Cannot find");
        return answerToRequest && RequestContextHolder.getRequestAttributes() != null;
    }
}
