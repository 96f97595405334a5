package nl.asylumchain.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the engine actually sends, taken from its MyBatis log, and the work PostgreSQL's plan for one of them
 * does: for the plan guards ({@link TasklistQueryPlanIT}, {@link JobAcquisitionPlanIT}), which compare rows touched,
 * not time.
 */
final class EngineStatements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineStatements() {}

    /**
     * Runs the request with the statement's log on and returns the request's result and the one statement with this
     * id (a MyBatis statement's full name) it sent on a thread this predicate accepts, parameters filled in; the
     * statement is null when there was none. Statements other threads send meanwhile are left out.
     */
    static List<String> captured(String statementId, Predicate<String> thread, IntSupplier request) {
        Logger logger = (Logger) LoggerFactory.getLogger(statementId);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // fixes the thread's name now: logback looks it up lazily, on whatever thread asks later
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        logger.addAppender(appender);
        int result;
        try {
            result = request.getAsInt();
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
            logger.setLevel(level);
        }
        String sql = null;
        String parameters = null;
        for (ILoggingEvent event : appender.list) {
            if (!thread.test(event.getThreadName())) {
                continue;
            }
            String message = event.getFormattedMessage();
            if (message.contains("Preparing:")) {
                sql = message.substring(message.indexOf("Preparing:") + "Preparing:".length())
                        .trim();
            } else if (message.contains("Parameters:")) {
                parameters = message.substring(message.indexOf("Parameters:") + "Parameters:".length())
                        .trim();
            }
        }
        return Arrays.asList(
                String.valueOf(result),
                sql == null ? null : fill(withoutLineComments(sql), parameters == null ? "" : parameters));
    }

    /**
     * The log joins a statement's lines, so a line comment of the engine's mapping ({@code -- also exclusive} in the
     * job acquisition) would swallow the rest of the statement: such a comment (words only) ends before the next
     * {@code and}, {@code or} or closing parenthesis, and goes.
     */
    private static String withoutLineComments(String sql) {
        return sql.replaceAll("--\\s+[A-Za-z ]+?(?=\\s+(?:and|or)\\b|\\s*\\))", "");
    }

    /** MyBatis logs parameters as {@code value(Type), value(Type)}; our values hold no ", ". */
    private static String fill(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (!parameters.isBlank()) {
            for (String parameter : parameters.split(", ")) {
                int type = parameter.lastIndexOf('(');
                String value = type < 0 ? parameter : parameter.substring(0, type);
                String kind = type < 0 ? "" : parameter.substring(type + 1, parameter.length() - 1);
                values.add(
                        switch (kind) {
                            case "Integer", "Long", "Short", "Double", "BigDecimal" -> value;
                            case "Boolean" -> value;
                            case "" -> "null";
                            default -> "'" + value.replace("'", "''") + "'";
                        });
            }
        }
        StringBuilder filled = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                filled.append(values.get(next++));
            } else {
                filled.append(c);
            }
        }
        assertThat(next).as("parameters of " + sql).isEqualTo(values.size());
        return filled.toString();
    }

    /** Rows every node of the statement's plan returned or removed, over all its loops. */
    static long rowsTouched(JdbcClient jdbc, String sql) {
        String plan = jdbc.sql("explain (analyze, format json) " + sql)
                .query(String.class)
                .single();
        try {
            return touched(JSON.readTree(plan).get(0).path("Plan"));
        } catch (IOException e) {
            throw new IllegalStateException(plan, e);
        }
    }

    private static long touched(JsonNode node) {
        double loops = Math.max(1, node.path("Actual Loops").asDouble(1));
        double rows = node.path("Actual Rows").asDouble(0)
                + node.path("Rows Removed by Filter").asDouble(0)
                + node.path("Rows Removed by Join Filter").asDouble(0)
                + node.path("Rows Removed by Index Recheck").asDouble(0);
        long total = Math.round(rows * loops);
        for (JsonNode child : node.path("Plans")) {
            total += touched(child);
        }
        return total;
    }

    /** The statement's plan as PostgreSQL ran it, for the log. */
    static String plan(JdbcClient jdbc, String sql) {
        return String.join(
                "\n", jdbc.sql("explain (analyze) " + sql).query(String.class).list());
    }
}
