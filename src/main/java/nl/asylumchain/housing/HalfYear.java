package nl.asylumchain.housing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A half-year of the taakstelling: I = January to June ({@code half} 1), II = July to December (2). */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("A half-year is I or II, not " + half);
        }
    }

    public static HalfYear of(LocalDate day) {
        return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    /** Reads I, II (or 1, 2) as the API's path uses them. */
    public static HalfYear parse(int year, String half) {
        return switch (half.strip().toUpperCase()) {
            case "I", "1" -> new HalfYear(year, 1);
            case "II", "2" -> new HalfYear(year, 2);
            default -> throw new IllegalArgumentException("must be I or II");
        };
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The first moment of the half-year in the chain's zone. */
    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The first moment after the half-year. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return year + "-" + (half == 1 ? "I" : "II");
    }
}
