package nl.asylumchain.housing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a national taakstelling over municipalities pro rata population, in whole people, so that the parts add up
 * to exactly the national number: everyone gets the whole part of their share, and the people left over go one
 * each to the largest remainders (Hamilton's method; ties to the larger municipality, then the lower code).
 */
public final class QuotaSplit {

    private QuotaSplit() {}

    public static Map<String, Integer> split(int total, List<Municipality> municipalities) {
        if (total < 0) {
            throw new IllegalArgumentException("A taakstelling is not negative");
        }
        long population =
                municipalities.stream().mapToLong(Municipality::population).sum();
        Map<String, Integer> quotas = new LinkedHashMap<>();
        if (population <= 0) {
            municipalities.forEach(m -> quotas.put(m.code(), 0));
            return quotas;
        }
        record Share(Municipality municipality, long whole, long remainder) {}
        List<Share> shares = new ArrayList<>();
        long handedOut = 0;
        for (Municipality m : municipalities) {
            long exact = (long) total * m.population();
            Share share = new Share(m, exact / population, exact % population);
            shares.add(share);
            handedOut += share.whole();
        }
        long left = total - handedOut;
        List<Share> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.comparingLong(Share::remainder)
                .reversed()
                .thenComparing(
                        Comparator.comparingLong((Share s) -> s.municipality().population())
                                .reversed())
                .thenComparing(s -> s.municipality().code()));
        Map<String, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < left; i++) {
            extra.merge(byRemainder.get(i).municipality().code(), 1L, Long::sum);
        }
        for (Share share : shares) {
            quotas.put(
                    share.municipality().code(),
                    Math.toIntExact(share.whole()
                            + extra.getOrDefault(share.municipality().code(), 0L)));
        }
        return quotas;
    }
}
