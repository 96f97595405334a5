package nl.asylumchain.housing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The municipalities the taakstelling is split over, read at start-up from the CSV that
 * {@code asylumchain.housing.municipalities} names (a classpath: or file: location). Format, UTF-8, one municipality
 * a line, a line starting with a hash sign is a comment, the header line is skipped: {@code cbs_code;name;province;population}.
 * A bad line stops the start with its line number: a wrong list must not split a national number.
 */
@Component
public class MunicipalityCatalogue {

    private static final Pattern CODE = Pattern.compile("GM\\d{4}");

    private final Map<String, Municipality> byCode;

    MunicipalityCatalogue(HousingProperties properties, ResourceLoader resources) {
        this.byCode = read(resources.getResource(properties.municipalities()));
    }

    static Map<String, Municipality> read(Resource resource) {
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()
                        || trimmed.startsWith("#")
                        || trimmed.toLowerCase().startsWith("cbs_code")) {
                    continue;
                }
                String[] fields = trimmed.split(";", -1);
                if (fields.length != 4 || !CODE.matcher(fields[0].strip()).matches()) {
                    throw new IllegalStateException(resource.getDescription() + " line " + number
                            + ": expected cbs_code;name;province;population with a code GMxxxx, got: " + line);
                }
                long population;
                try {
                    population = Long.parseLong(fields[3].strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            resource.getDescription() + " line " + number + ": population is not a number: "
                                    + fields[3],
                            e);
                }
                Municipality m = new Municipality(fields[0].strip(), fields[1].strip(), fields[2].strip(), population);
                if (municipalities.put(m.code(), m) != null) {
                    throw new IllegalStateException(
                            resource.getDescription() + " line " + number + ": municipality " + m.code() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the municipalities from " + resource.getDescription(), e);
        }
        if (municipalities.isEmpty()) {
            throw new IllegalStateException(resource.getDescription() + " lists no municipalities");
        }
        return municipalities;
    }

    public List<Municipality> all() {
        List<Municipality> all = new ArrayList<>(byCode.values());
        all.sort(Comparator.comparing(Municipality::code));
        return all;
    }

    /**
     * The municipality a roll from 0 up to 1 (exclusive) falls on when the municipalities (by code) each hold a part
     * of that interval pro rata population: a draw of where someone lives, for placing people housed already.
     */
    public Municipality byPopulation(double roll) {
        return byPopulation(all(), roll);
    }

    static Municipality byPopulation(List<Municipality> all, double roll) {
        if (roll < 0 || roll >= 1) {
            throw new IllegalArgumentException("A roll lies from 0 up to 1 (exclusive), got " + roll);
        }
        long population = all.stream().mapToLong(Municipality::population).sum();
        double left = roll * population;
        for (Municipality municipality : all) {
            left -= municipality.population();
            if (left < 0) {
                return municipality;
            }
        }
        return all.get(all.size() - 1);
    }

    public Optional<Municipality> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public List<String> provinces() {
        return byCode.values().stream()
                .map(Municipality::province)
                .distinct()
                .sorted()
                .toList();
    }
}
