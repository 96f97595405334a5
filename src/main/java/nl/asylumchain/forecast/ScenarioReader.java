package nl.asylumchain.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.reception.LocationType;

/**
 * Reads and checks a scenario file (YAML). Every field is checked before anything runs; the first problem is thrown
 * as a {@link ScenarioException} naming the field. Unknown fields are refused too, so that a misspelt field cannot
 * silently fall back to a default. A shipped scenario is found by name under {@code forecast/scenarios/} on the
 * classpath.
 */
public final class ScenarioReader {

    /** Where the shipped scenarios live on the classpath. */
    public static final String SHIPPED = "forecast/scenarios/";
    /** Shipped scenario names, in the order a report shows them. */
    public static final List<String> SHIPPED_NAMES =
            List.of("mpp-2023-min", "mpp-2023-medio", "mpp-2023-max", "mpp-2024-low", "mpp-2024-high");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");
    private static final Pattern AGE_BAND = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    /** The IND tracks a start stock gives: spoor 3 and 5 are switched off in the models. */
    static final List<Integer> STOCK_TRACKS = List.of(1, 2, 4);

    private static final Pattern HALF_YEAR = Pattern.compile("(\\d{4})-(I|II)");
    /** The policy decisions' inputs that a scenario may switch (decision tables without inputs in dmn/). */
    static final Set<String> POLICY_DECISIONS = Set.of("writtenHearingInUse", "trackThreeInUse", "trackFiveInUse");

    private static final double SUM_TOLERANCE = 0.001;
    /** The candidate groups of the models' user tasks: the handlers' organisations and the IND team leads. */
    static final List<String> TASK_GROUPS = concat(Groups.CASE_HANDLERS, List.of(Groups.IND_TEAM_LEAD));
    /** Groups whose tasks carry the IND track (process variable {@code track}), so their capacity may be split by it. */
    static final List<String> TRACK_GROUPS = List.of(Groups.IND_DECISION);

    private ScenarioReader() {}

    /** A shipped scenario by name, or a file by path. */
    public static Scenario read(String nameOrPath) {
        if (nameOrPath != null && NAME.matcher(nameOrPath).matches()) {
            InputStream shipped =
                    ScenarioReader.class.getClassLoader().getResourceAsStream(SHIPPED + nameOrPath + ".yml");
            if (shipped != null) {
                try (shipped) {
                    return parse(shipped);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new ScenarioException(
                    "name",
                    "give a shipped scenario (" + String.join(", ", SHIPPED_NAMES) + ") or a path to a scenario file");
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(
                    "name",
                    "'" + nameOrPath + "' is no shipped scenario (" + String.join(", ", SHIPPED_NAMES)
                            + ") and no readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in);
        } catch (IOException e) {
            throw new ScenarioException("name", "cannot read " + nameOrPath + ": " + e.getMessage());
        }
    }

    /** Reads a scenario from YAML text. */
    public static Scenario parse(InputStream yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            String where = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            throw new ScenarioException("", "not valid YAML: " + where);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScenarioException("", "a scenario is a YAML mapping of fields");
        }
        return new Node("", map).scenario();
    }

    /** A mapping in the file with its path, that hands out its fields and refuses the ones nobody asked for. */
    private static final class Node {
        private final String path;
        private final Map<?, ?> map;
        private final Set<String> asked = new LinkedHashSet<>();

        Node(String path, Map<?, ?> map) {
            this.path = path;
            this.map = map;
        }

        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Scenario scenario() {
            String name = text("name");
            if (!NAME.matcher(name).matches()) {
                throw new ScenarioException("name", "lower-case letters, digits and hyphens, at most 63");
            }
            LocalDate start = date("start");
            if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new ScenarioException(
                        "start", "must be a Monday (weeks run Monday to Sunday), not " + start.getDayOfWeek());
            }
            int weeks = integer("weeks", 1, 520);
            long seed = longValue("seed");
            Node inflowNode = node("inflow");
            Scenario.Inflow inflow = new Scenario.Inflow(
                    inflowNode
                            .node("perYear")
                            .numbers(
                                    names(ApplicationType.FIRST, ApplicationType.REPEAT, ApplicationType.RESETTLEMENT),
                                    0,
                                    1_000_000,
                                    true),
                    inflowNode.seasonal());
            inflowNode.done();
            Map<String, Double> locations = node("arrivalLocations")
                    .shares(names(ArrivalLocation.TER_APEL, ArrivalLocation.BUDEL, ArrivalLocation.SCHIPHOL), true);
            List<Scenario.Nationality> nationalities = nationalities();
            Node minorsNode = node("unaccompaniedMinors");
            Scenario.Minors minors = new Scenario.Minors(minorsNode.share("share"), minorsNode.share("under15"));
            minorsNode.done();
            double ukraine = share("temporaryProtectionUkraine");
            Node family = node("familyAbroad");
            Scenario.FamilyAbroad familyAbroad = new Scenario.FamilyAbroad(
                    family.share("share"), family.share("spouse"), family.number("childrenMean", 0, 10));
            family.done();
            Node dublinNode = node("dublin");
            Scenario.Dublin dublin = new Scenario.Dublin(
                    dublinNode.share("accepted"),
                    dublinNode.share("noReply"),
                    dublinNode.integer("replyDays", 1, 60),
                    dublinNode.share("transferCompleted"));
            dublinNode.done();
            Node appealNode = node("appeal");
            Scenario.Appeal appeal = new Scenario.Appeal(
                    appealNode.share("share"),
                    appealNode.integer("lodgeDays", 1, 6),
                    appealNode.share("interimRelief"),
                    appealNode.share("interimReliefGranted"),
                    appealNode.share("annulled"),
                    appealNode.integer("rulingDays", 1, 1000));
            appealNode.done();
            Node reunificationNode = node("reunification");
            Scenario.Reunification reunification = new Scenario.Reunification(
                    reunificationNode.node("evidence").shares(List.of("DOCUMENTS", "DNA", "INTERVIEW"), true),
                    reunificationNode.share("evidenceConfirmed"),
                    reunificationNode.share("granted"),
                    reunificationNode.share("arrives"),
                    reunificationNode.integer("arrivalDays", 1, 89));
            reunificationNode.done();
            Node housingNode = node("housing");
            Scenario.Housing housing = new Scenario.Housing(housingNode.share("temporaryShare"));
            housingNode.done();
            Node departureNode = node("departure");
            Scenario.Departure departure = new Scenario.Departure(
                    departureNode.share("independent"),
                    departureNode.share("forced"),
                    departureNode.share("unsupervised"),
                    departureNode.share("departedPerRound"),
                    departureNode.integer("unsupervisedDays", 1, 1000),
                    departureNode.share("detention"));
            departureNode.sumIsOne(
                    departure.independent() + departure.forced() + departure.unsupervised(),
                    "independent + forced + unsupervised");
            departureNode.done();
            Map<String, Map<Integer, Double>> trackCapacity = new LinkedHashMap<>();
            Map<String, Double> capacity = capacity(trackCapacity);
            Map<String, Integer> reception =
                    integers(node("receptionCapacity").numbers(receptionKeys(), 0, 10_000_000, false));
            Map<String, Integer> quota = taakstelling();
            Scenario.Policy policy = policy();
            Scenario.Stock stock = stock();
            done();
            switchedOnTracksHaveCapacity(trackCapacity, policy);
            if (nationalities.stream().mapToDouble(Scenario.Nationality::share).sum() > 1 + SUM_TOLERANCE
                    || Math.abs(nationalities.stream()
                                            .mapToDouble(Scenario.Nationality::share)
                                            .sum()
                                    - 1)
                            > SUM_TOLERANCE) {
                throw new ScenarioException("nationalities", "the shares must add up to 1");
            }
            return new Scenario(
                    name,
                    start,
                    weeks,
                    seed,
                    inflow,
                    locations,
                    nationalities,
                    minors,
                    ukraine,
                    familyAbroad,
                    dublin,
                    appeal,
                    reunification,
                    housing,
                    departure,
                    capacity,
                    reception,
                    quota,
                    policy,
                    stock,
                    trackCapacity);
        }

        /**
         * Tasks per week per candidate group: a number, or for a group whose tasks carry the IND track
         * ({@code ind-decision}) a mapping of track to number ({@code ind-decision: {1: 300, 2: 200, 4: 2220}}), the
         * letter's production per track. A split group's total (the sum) goes into the returned map too.
         */
        private Map<String, Double> capacity(Map<String, Map<Integer, Double>> trackCapacity) {
            Node capacityNode = node("capacity");
            Map<String, Double> capacity = new LinkedHashMap<>();
            for (String group : TASK_GROUPS) {
                if (!capacityNode.map.containsKey(group)) {
                    continue;
                }
                if (!(capacityNode.map.get(group) instanceof Map<?, ?>)) {
                    capacity.put(group, capacityNode.number(group, 0, 10_000_000));
                    continue;
                }
                if (!TRACK_GROUPS.contains(group)) {
                    throw new ScenarioException(
                            capacityNode.at(group),
                            "a number of tasks per week (a split by track is for " + String.join(", ", TRACK_GROUPS)
                                    + ")");
                }
                Node tracksNode = capacityNode.node(group);
                Map<Integer, Double> perTrack = new java.util.TreeMap<>();
                for (Object key : tracksNode.map.keySet()) {
                    if (!(key instanceof Integer track) || !Scenario.TRACKS.contains(track)) {
                        throw new ScenarioException(
                                tracksNode.at(String.valueOf(key)), "not a track; known: " + Scenario.TRACKS);
                    }
                    Object value = tracksNode.map.get(key);
                    String at = tracksNode.at(String.valueOf(key));
                    if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
                        throw new ScenarioException(at, "a number of tasks per week from 0 to 10000000");
                    }
                    if (n.doubleValue() < 0 || n.doubleValue() > 10_000_000) {
                        throw new ScenarioException(at, "must be from 0 to 10000000, not " + format(n.doubleValue()));
                    }
                    perTrack.put(track, n.doubleValue());
                }
                if (perTrack.isEmpty()) {
                    throw new ScenarioException(capacityNode.at(group), "name at least one track, e.g. {4: 1000}");
                }
                capacity.put(
                        group,
                        perTrack.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum());
                trackCapacity.put(group, perTrack);
            }
            capacityNode.done();
            return capacity;
        }

        /**
         * A track the scenario switches on (spoor 3 or 5) is named in a split capacity, even with 0: left out, its
         * cases would wait for ever without the file saying so.
         */
        private void switchedOnTracksHaveCapacity(
                Map<String, Map<Integer, Double>> trackCapacity, Scenario.Policy policy) {
            Map<String, Integer> switches = Map.of("trackThreeInUse", 3, "trackFiveInUse", 5);
            for (Map.Entry<String, Map<Integer, Double>> group : trackCapacity.entrySet()) {
                for (Map.Entry<String, Integer> track : new java.util.TreeMap<>(switches).entrySet()) {
                    if (Boolean.TRUE.equals(policy.decisions().get(track.getKey()))
                            && !group.getValue().containsKey(track.getValue())) {
                        throw new ScenarioException(
                                "capacity." + group.getKey(),
                                "spoor " + track.getValue() + " is switched on (policy.decisions." + track.getKey()
                                        + ") but has no capacity; give it one, 0 if meant");
                    }
                }
            }
        }

        private List<Double> seasonal() {
            Object value = required("seasonal");
            if (!(value instanceof List<?> list) || list.size() != 12) {
                throw new ScenarioException(at("seasonal"), "twelve relative weights, January to December");
            }
            List<Double> weights = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                if (!(list.get(i) instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
                    throw new ScenarioException(at("seasonal") + "[" + i + "]", "a weight from 0 to 100");
                }
                weights.add(n.doubleValue());
            }
            if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new ScenarioException(at("seasonal"), "at least one month needs a weight above 0");
            }
            return List.copyOf(weights);
        }

        private List<Scenario.Nationality> nationalities() {
            Object value = required("nationalities");
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new ScenarioException("nationalities", "a list of nationality groups");
            }
            List<Scenario.Nationality> result = new ArrayList<>();
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    throw new ScenarioException("nationalities[" + i + "]", "a mapping with code, share, ...");
                }
                Node n = new Node("nationalities[" + i + "]", item);
                String code = n.text("code");
                if (!NATIONALITY.matcher(code).matches()) {
                    throw new ScenarioException(n.at("code"), "an ISO 3166 alpha-3 code such as SYR");
                }
                if (!codes.add(code)) {
                    throw new ScenarioException(n.at("code"), code + " is listed twice");
                }
                result.add(new Scenario.Nationality(
                        code,
                        n.share("share"),
                        n.share("grant"),
                        n.share("eurodacHit"),
                        n.share("protectionInMemberState"),
                        n.share("extendedProcedure")));
                n.done();
            }
            return List.copyOf(result);
        }

        private Map<String, Integer> taakstelling() {
            Node quotaNode = node("taakstelling");
            Map<String, Integer> quota = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : quotaNode.map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!HALF_YEAR.matcher(key).matches()) {
                    throw new ScenarioException(quotaNode.at(key), "a half-year is written 2023-I or 2023-II");
                }
                quota.put(key, (int) quotaNode.integer(key, 0, 1_000_000));
            }
            quotaNode.done();
            return quota;
        }

        private Scenario.Policy policy() {
            if (!map.containsKey("policy")) {
                asked.add("policy");
                return new Scenario.Policy(Map.of(), List.of());
            }
            Node policyNode = node("policy");
            Map<String, Boolean> decisions = new LinkedHashMap<>();
            if (policyNode.map.containsKey("decisions")) {
                Node decisionsNode = policyNode.node("decisions");
                for (Object key : decisionsNode.map.keySet()) {
                    String input = String.valueOf(key);
                    if (!POLICY_DECISIONS.contains(input)) {
                        throw new ScenarioException(
                                decisionsNode.at(input),
                                "not a policy switch; known: "
                                        + String.join(
                                                ", ",
                                                POLICY_DECISIONS.stream()
                                                        .sorted()
                                                        .toList()));
                    }
                    decisions.put(input, decisionsNode.bool(input));
                }
                decisionsNode.done();
            } else {
                policyNode.asked.add("decisions");
            }
            List<Scenario.Hold> holds = new ArrayList<>();
            Object holdList = policyNode.map.get("holds");
            policyNode.asked.add("holds");
            if (holdList != null) {
                if (!(holdList instanceof List<?> list)) {
                    throw new ScenarioException(policyNode.at("holds"), "a list of holds");
                }
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof Map<?, ?> item)) {
                        throw new ScenarioException(
                                policyNode.at("holds") + "[" + i + "]", "a mapping with category, from and until");
                    }
                    Node h = new Node(policyNode.at("holds") + "[" + i + "]", item);
                    String category = h.text("category");
                    Set<String> categories = holdCategories();
                    if (category == null || !categories.contains(category)) {
                        throw new ScenarioException(h.at("category"), "one of " + categories);
                    }
                    LocalDate from = h.date("from");
                    LocalDate until = h.map.get("until") == null ? null : h.date("until");
                    h.asked.add("until");
                    if (until != null && !until.isAfter(from)) {
                        throw new ScenarioException(h.at("until"), "must come after from");
                    }
                    h.done();
                    holds.add(new Scenario.Hold(category, from, until));
                }
            }
            policyNode.done();
            return new Scenario.Policy(decisions, List.copyOf(holds));
        }

        private Scenario.Stock stock() {
            if (!map.containsKey("stock")) {
                asked.add("stock");
                return Scenario.Stock.NONE;
            }
            Node s = node("stock");
            Node ind = s.node("ind");
            Map<Integer, Long> perTrack = new java.util.TreeMap<>();
            for (int track : STOCK_TRACKS) {
                perTrack.put(track, ind.integer("track" + track, 0L, 1_000_000L));
            }
            List<Scenario.AgeBand> ages = ind.node("ageMonths").ageBands();
            double minors = ind.share("unaccompaniedMinors");
            ind.done();
            long reunification;
            List<Scenario.AgeBand> reunificationAges;
            if (s.map.get("reunification") instanceof Map<?, ?>) {
                Node r = s.node("reunification");
                reunification = r.integer("applications", 0L, 1_000_000L);
                reunificationAges = r.node("ageMonths").ageBands();
                r.done();
            } else {
                // a number alone: applications made within the last month
                reunification = s.integer("reunification", 0L, 1_000_000L);
                reunificationAges = Scenario.Stock.RECENT;
            }
            Scenario.Stock stock = new Scenario.Stock(
                    perTrack,
                    ages,
                    minors,
                    reunification,
                    reunificationAges,
                    s.integer("housing", 0L, 1_000_000L),
                    s.integer("departure", 0L, 1_000_000L));
            s.done();
            return stock;
        }

        /** Keys {@code FROM-TO} (months since the application, FROM below TO, at most 120), shares adding up to 1. */
        private List<Scenario.AgeBand> ageBands() {
            if (map.isEmpty()) {
                throw new ScenarioException(path, "at least one band such as 0-6: 1");
            }
            List<Scenario.AgeBand> bands = new ArrayList<>();
            double sum = 0;
            for (Object key : map.keySet()) {
                java.util.regex.Matcher band = AGE_BAND.matcher(String.valueOf(key));
                int from = band.matches() ? Integer.parseInt(band.group(1)) : -1;
                int to = band.matches() ? Integer.parseInt(band.group(2)) : -1;
                if (!band.matches() || from >= to || to > 120) {
                    throw new ScenarioException(
                            at(String.valueOf(key)),
                            "a band of months since the application such as 0-6 (from below to, at most 120)");
                }
                double share = share(String.valueOf(key));
                bands.add(new Scenario.AgeBand(from, to, share));
                sum += share;
            }
            sumIsOne(sum, "the bands' shares");
            return bands;
        }

        Node node(String key) {
            Object value = required(key);
            if (!(value instanceof Map<?, ?> child)) {
                throw new ScenarioException(at(key), "a mapping of fields");
            }
            return new Node(at(key), child);
        }

        Object required(String key) {
            asked.add(key);
            Object value = map.get(key);
            if (value == null) {
                throw new ScenarioException(at(key), "is missing");
            }
            return value;
        }

        String text(String key) {
            Object value = required(key);
            if (!(value instanceof String s) || s.isBlank()) {
                throw new ScenarioException(at(key), "a text");
            }
            return s.strip();
        }

        boolean bool(String key) {
            if (!(required(key) instanceof Boolean b)) {
                throw new ScenarioException(at(key), "true or false");
            }
            return b;
        }

        LocalDate date(String key) {
            Object value = required(key);
            if (value instanceof java.util.Date d) { // SnakeYAML reads an unquoted date as a timestamp
                return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            }
            try {
                return LocalDate.parse(String.valueOf(value));
            } catch (DateTimeParseException e) {
                throw new ScenarioException(at(key), "a date such as 2023-01-02");
            }
        }

        double number(String key, double min, double max) {
            Object value = required(key);
            if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
                throw new ScenarioException(at(key), "a number from " + format(min) + " to " + format(max));
            }
            double d = n.doubleValue();
            if (d < min || d > max) {
                throw new ScenarioException(
                        at(key), "must be from " + format(min) + " to " + format(max) + ", not " + format(d));
            }
            return d;
        }

        long integer(String key, long min, long max) {
            Object value = required(key);
            if (!(value instanceof Integer || value instanceof Long)) {
                throw new ScenarioException(at(key), "a whole number from " + min + " to " + max);
            }
            long l = ((Number) value).longValue();
            if (l < min || l > max) {
                throw new ScenarioException(at(key), "must be from " + min + " to " + max + ", not " + l);
            }
            return l;
        }

        int integer(String key, int min, int max) {
            return (int) integer(key, (long) min, (long) max);
        }

        long longValue(String key) {
            Object value = required(key);
            if (!(value instanceof Integer || value instanceof Long)) {
                throw new ScenarioException(at(key), "a whole number");
            }
            return ((Number) value).longValue();
        }

        double share(String key) {
            return number(key, 0, 1);
        }

        /** Numbers under known keys; {@code all}: every key must be there. */
        Map<String, Double> numbers(Collection<String> keys, double min, double max, boolean all) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String key : keys) {
                if (all || map.containsKey(key)) {
                    values.put(key, number(key, min, max));
                }
            }
            done();
            return values;
        }

        Map<String, Double> shares(Collection<String> keys, boolean sumToOne) {
            Map<String, Double> values = numbers(keys, 0, 1, true);
            if (sumToOne) {
                sumIsOne(
                        values.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum(),
                        String.join(" + ", keys));
            }
            return values;
        }

        void sumIsOne(double sum, String what) {
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new ScenarioException(path, what + " must add up to 1, not " + format(sum));
            }
        }

        /** Refuses a field nobody asked for: a typo must not fall back silently. */
        void done() {
            for (Object key : map.keySet()) {
                if (!asked.contains(String.valueOf(key))) {
                    throw new ScenarioException(at(String.valueOf(key)), "unknown field");
                }
            }
        }
    }

    /**
     * The hold categories DMN {@code holdCategory} declares (the output values of its {@code category} column), sorted:
     * the same list the hold service accepts, read from the model file as shipped (the decision lives in the
     * nationality groups' DRD, which it requires).
     */
    static Set<String> holdCategories() {
        try (InputStream dmn = ScenarioReader.class.getClassLoader().getResourceAsStream(HOLD_CATEGORY_MODEL)) {
            if (dmn == null) {
                throw new IllegalStateException(HOLD_CATEGORY_MODEL + " is not on the class path");
            }
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.NodeList outputs = holdCategoryDecision(
                            factory.newDocumentBuilder().parse(dmn))
                    .getElementsByTagNameNS("*", "output");
            Set<String> categories = new java.util.TreeSet<>();
            for (int i = 0; i < outputs.getLength(); i++) {
                org.w3c.dom.Element output = (org.w3c.dom.Element) outputs.item(i);
                if ("category".equals(output.getAttribute("name"))) {
                    java.util.regex.Matcher quoted =
                            Pattern.compile("\"([^\"]*)\"").matcher(output.getTextContent());
                    while (quoted.find()) {
                        categories.add(quoted.group(1));
                    }
                }
            }
            return categories;
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("Cannot read " + HOLD_CATEGORY_MODEL, e);
        }
    }

    private static final String HOLD_CATEGORY_MODEL = "dmn/nationalityGroups.dmn";

    private static org.w3c.dom.Element holdCategoryDecision(org.w3c.dom.Document model) {
        org.w3c.dom.NodeList decisions = model.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            org.w3c.dom.Element decision = (org.w3c.dom.Element) decisions.item(i);
            if ("holdCategory".equals(decision.getAttribute("id"))) {
                return decision;
            }
        }
        throw new IllegalStateException(HOLD_CATEGORY_MODEL + " has no decision holdCategory");
    }

    private static List<String> names(Enum<?>... values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> receptionKeys() {
        List<String> keys = new ArrayList<>();
        for (LocationType type : LocationType.values()) {
            keys.add(type.name().toLowerCase().replace('_', '-'));
        }
        keys.add("total");
        return keys;
    }

    private static Map<String, Integer> integers(Map<String, Double> numbers) {
        Map<String, Integer> result = new LinkedHashMap<>();
        numbers.forEach((k, v) -> result.put(k, (int) Math.round(v)));
        return result;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
