package nl.asylumchain.forecast;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs small scenarios for the tests in one forecast context (its own in-memory database, as the command line
 * starts it), so that the tests pay for one engine start, not one per run. Between runs every table that was empty
 * when the context came up is emptied again, and run-made engine rows (variables' byte values) go too, so each run
 * starts from the state a fresh forecast starts from. The forecast's own driver resets its state in
 * {@code prepare} and removes what it deployed in {@code finish}.
 */
final class ForecastLab {

    private static ConfigurableApplicationContext context;
    private static List<String> runTables;

    private ForecastLab() {}

    /** The test scenario {@code forecast/<name>.yml} from the test resources. */
    static Scenario scenario(String name) {
        try (InputStream in = ForecastLab.class.getClassLoader().getResourceAsStream("forecast/" + name + ".yml")) {
            return ScenarioReader.parse(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ForecastResult run(Scenario scenario) {
        return run(scenario, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** A run that prints its progress lines to {@code progress}. */
    static synchronized ForecastResult run(Scenario scenario, PrintStream progress) {
        if (context == null) {
            start(scenario);
        } else {
            reset(context.getBean(JdbcTemplate.class));
        }
        return context.getBean(ForecastRun.class).run(scenario, progress);
    }

    /** A run from a snapshot's open cases instead of the scenario's stock (a forecast "from now"). */
    static synchronized ForecastResult run(Scenario scenario, ForecastSnapshot from) {
        if (context == null) {
            start(scenario);
        } else {
            reset(context.getBean(JdbcTemplate.class));
        }
        return context.getBean(ForecastRun.class).run(scenario, from, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** The forecast engine's own in-memory database, the context started for the scenario if it is not yet. */
    static synchronized JdbcTemplate database(Scenario scenario) {
        if (context == null) {
            start(scenario);
        }
        return context.getBean(JdbcTemplate.class);
    }

    /** A bean of the forecast context, started for the scenario if it is not yet, else with the last run's rows gone. */
    static synchronized <T> T beanOfAnEmptyEngine(Scenario scenario, Class<T> type) {
        if (context == null) {
            start(scenario);
        } else {
            reset(context.getBean(JdbcTemplate.class));
        }
        return context.getBean(type);
    }

    /** A bean of the forecast context, the context started for the scenario if it is not yet. */
    static synchronized <T> T bean(Scenario scenario, Class<T> type) {
        database(scenario);
        return context.getBean(type);
    }

    private static void start(Scenario scenario) {
        context = ForecastCommand.start(scenario);
        runTables = emptyTables(context.getBean(JdbcTemplate.class));
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    static synchronized Map<String, Long> problemsOfLastRun() {
        return context.getBean(ForecastRun.class).problems();
    }

    private static List<String> emptyTables(JdbcTemplate jdbc) {
        List<String> empty = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables "
                        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name",
                String.class)) {
            Long rows = jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class);
            if (rows != null && rows == 0) {
                empty.add(table);
            }
        }
        return List.copyOf(empty);
    }

    private static void reset(JdbcTemplate jdbc) {
        jdbc.execute("set referential_integrity false");
        try {
            for (String table : runTables) {
                jdbc.execute("delete from \"" + table + "\"");
            }
            jdbc.execute("delete from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is null");
        } finally {
            jdbc.execute("set referential_integrity true");
        }
    }

    /** A copy of a scenario with some of its parts changed. */
    static Scenario with(Scenario s, UnaryOperator<Builder> change) {
        return change.apply(new Builder(s)).build();
    }

    /** Changes to a scenario, one part at a time. */
    static final class Builder {
        String name;
        int weeks;
        long seed;
        Scenario.Inflow inflow;
        List<Scenario.Nationality> nationalities;
        Map<String, Double> capacity;
        Map<String, Map<Integer, Double>> trackCapacity;
        double ukraine;
        Scenario.Policy policy;
        Scenario.Stock stock;
        private final Scenario s;

        Builder(Scenario s) {
            this.s = s;
            name = s.name();
            weeks = s.weeks();
            seed = s.seed();
            inflow = s.inflow();
            nationalities = s.nationalities();
            capacity = s.capacity();
            trackCapacity = s.trackCapacity();
            ukraine = s.temporaryProtectionUkraine();
            policy = s.policy();
            stock = s.stock();
        }

        Builder weeks(int weeks) {
            this.weeks = weeks;
            return this;
        }

        Builder stock(Scenario.Stock stock) {
            this.stock = stock;
            return this;
        }

        /** No intake at all: only what the start state brings. */
        Builder noInflow() {
            Map<String, Double> perYear = new java.util.LinkedHashMap<>();
            inflow.perYear().forEach((type, n) -> perYear.put(type, 0.0));
            inflow = new Scenario.Inflow(perYear, inflow.seasonal());
            return this;
        }

        /** Every group completes nothing. */
        Builder noCapacity() {
            Map<String, Double> changed = new java.util.LinkedHashMap<>();
            capacity.forEach((group, n) -> changed.put(group, 0.0));
            capacity = changed;
            return this;
        }

        /** The group's capacity as one number (a split by track is dropped). */
        Builder capacity(String group, double perWeek) {
            Map<String, Double> changed = new java.util.LinkedHashMap<>(capacity);
            changed.put(group, perWeek);
            capacity = changed;
            Map<String, Map<Integer, Double>> tracks = new java.util.LinkedHashMap<>(trackCapacity);
            tracks.remove(group);
            trackCapacity = tracks;
            return this;
        }

        /** The group's capacity split by IND track; the group's total becomes the sum. */
        Builder capacityPerTrack(String group, Map<Integer, Double> perTrack) {
            Map<String, Double> changed = new java.util.LinkedHashMap<>(capacity);
            changed.put(
                    group,
                    perTrack.values().stream().mapToDouble(Double::doubleValue).sum());
            capacity = changed;
            Map<String, Map<Integer, Double>> tracks = new java.util.LinkedHashMap<>(trackCapacity);
            tracks.put(group, Map.copyOf(perTrack));
            trackCapacity = tracks;
            return this;
        }

        /** Inflow, every group's capacity and the start stock times {@code factor}: the same chain at another size. */
        Builder scaled(double factor, int weeks) {
            Map<String, Double> perYear = new java.util.LinkedHashMap<>();
            inflow.perYear().forEach((type, n) -> perYear.put(type, n * factor));
            inflow = new Scenario.Inflow(perYear, inflow.seasonal());
            Map<String, Double> changed = new java.util.LinkedHashMap<>();
            capacity.forEach((group, n) -> changed.put(group, n * factor));
            capacity = changed;
            Map<String, Map<Integer, Double>> tracks = new java.util.LinkedHashMap<>();
            trackCapacity.forEach((group, perTrack) -> {
                Map<Integer, Double> scaledTracks = new java.util.TreeMap<>();
                perTrack.forEach((track, n) -> scaledTracks.put(track, n * factor));
                tracks.put(group, scaledTracks);
            });
            trackCapacity = tracks;
            Map<Integer, Long> ind = new java.util.TreeMap<>();
            stock.ind().forEach((track, n) -> ind.put(track, Math.round(n * factor)));
            stock = new Scenario.Stock(
                    ind,
                    stock.indAgeMonths(),
                    stock.indUnaccompaniedMinors(),
                    Math.round(stock.reunification() * factor),
                    stock.reunificationAgeMonths(),
                    Math.round(stock.housing() * factor),
                    Math.round(stock.departure() * factor));
            this.weeks = weeks;
            return this;
        }

        Builder everyCase(UnaryOperator<Scenario.Nationality> change) {
            nationalities = nationalities.stream().map(change).toList();
            return this;
        }

        Scenario build() {
            return new Scenario(
                    name,
                    s.start(),
                    weeks,
                    seed,
                    inflow,
                    s.arrivalLocations(),
                    nationalities,
                    s.unaccompaniedMinors(),
                    ukraine,
                    s.familyAbroad(),
                    s.dublin(),
                    s.appeal(),
                    s.reunification(),
                    s.housing(),
                    s.departure(),
                    capacity,
                    s.receptionCapacity(),
                    s.taakstelling(),
                    policy,
                    stock,
                    trackCapacity);
        }
    }
}
