package nl.asylumchain.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.ChainClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taakstelling of the current half-year for a test that needs a proposed municipality: set through the API as
 * COA, and removed again afterwards from the tables, because it would change the proposals of other tests that
 * share the database.
 */
public final class CurrentQuota {

    private final ChainClient client;
    private final JdbcClient jdbc;
    private final HalfYear half;

    public CurrentQuota(ChainClient client, JdbcClient jdbc, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.half = HalfYear.of(LocalDate.now(clock));
    }

    /** {@code /api/housing/quota/{year}/{I|II}} of the current half-year. */
    public String path() {
        return "/api/housing/quota/" + half.year() + "/" + (half.half() == 1 ? "I" : "II");
    }

    /** Sets the national number for this half-year, as COA does. */
    public void set(int total) {
        ChainClient.Response response = client.put(path(), "coa", Map.of("total", total));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    }

    public void remove() {
        jdbc.sql("delete from municipality_quotas where quota_year = :y and quota_half = :h")
                .param("y", half.year())
                .param("h", half.half())
                .update();
        jdbc.sql("delete from housing_quotas where quota_year = :y and quota_half = :h")
                .param("y", half.year())
                .param("h", half.half())
                .update();
    }
}
