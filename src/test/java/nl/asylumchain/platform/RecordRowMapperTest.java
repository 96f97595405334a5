package nl.asylumchain.platform;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordRowMapperTest {

    enum Status {
        OPEN,
        DECIDED
    }

    record Row(
            UUID caseId,
            Status status,
            LocalDate decidedOn,
            Instant openedAt,
            Integer daysOnHold,
            int extendedMonths,
            String vaReason) {}

    private SingleConnectionDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void table() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:record-rows-" + UUID.randomUUID(), "sa", "", true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                        create table procedures (case_id uuid primary key, status varchar(20) not null,
                        decided_on date, opened_at timestamp with time zone not null, days_on_hold int,
                        extended_months int not null, va_reason varchar(40))""").update();
        jdbc.sql("insert into procedures values (?, 'OPEN', null, ?, null, 0, null)")
                .params(UUID.fromString("00000000-0000-0000-0000-000000000001"), Instant.parse("2024-01-02T08:00:00Z"))
                .update();
        jdbc.sql("insert into procedures values (?, 'DECIDED', ?, ?, 12, 6, 'manifestly unfounded')")
                .params(
                        UUID.fromString("00000000-0000-0000-0000-000000000002"),
                        LocalDate.parse("2024-07-01"),
                        Instant.parse("2024-01-03T08:00:00Z"))
                .update();
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void mapsEveryRowAsJdbcClientsOwnMapperDoes() {
        String select = "select * from procedures order by case_id";

        List<Row> ours = jdbc.sql(select).query(RecordRowMapper.of(Row.class)).list();

        assertThat(ours).isEqualTo(jdbc.sql(select).query(Row.class).list());
        assertThat(ours)
                .containsExactly(
                        new Row(
                                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                                Status.OPEN,
                                null,
                                Instant.parse("2024-01-02T08:00:00Z"),
                                null,
                                0,
                                null),
                        new Row(
                                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                                Status.DECIDED,
                                LocalDate.parse("2024-07-01"),
                                Instant.parse("2024-01-03T08:00:00Z"),
                                12,
                                6,
                                "manifestly unfounded"));
    }

    @Test
    void matchesLabelsInAnyCaseWithOrWithoutUnderscoresAndIgnoresExtraColumns() {
        Row row = jdbc.sql("""
                        select 1 as ignored, status, case_id as "caseId", decided_on as DECIDEDON,
                        opened_at, days_on_hold as "days_On_Hold", extended_months, va_reason
                        from procedures where extended_months = 6""").query(RecordRowMapper.of(Row.class)).single();

        assertThat(row.caseId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000002"));
        assertThat(row.decidedOn()).isEqualTo(LocalDate.parse("2024-07-01"));
        assertThat(row.daysOnHold()).isEqualTo(12);
    }

    @Test
    void aComponentWithoutAColumnIsNamed() {
        assertThatThrownBy(() -> jdbc.sql("select case_id, status from procedures")
                        .query(RecordRowMapper.of(Row.class))
                        .list())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("Row.decidedOn");
    }

    @Test
    void looksTheColumnsUpOncePerResultSetWithoutAskingTheDriverByNameNorForAnInstant() throws Exception {
        AtomicInteger byName = new AtomicInteger();
        // PostgreSQL's driver answers getObject(column, Instant.class) with an exception (H2's does not)
        AtomicInteger asInstant = new AtomicInteger();
        AtomicInteger metaData = new AtomicInteger();
        RecordRowMapper<Row> mapper = RecordRowMapper.of(Row.class);
        List<Row> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(dataSource.getUrl(), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet real = statement.executeQuery("select * from procedures order by case_id")) {
            ResultSet counted = (ResultSet) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                        if (method.getName().equals("findColumn")) {
                            byName.incrementAndGet();
                        }
                        if (method.getName().equals("getObject") && args.length == 2 && args[1] == Instant.class) {
                            asInstant.incrementAndGet();
                        }
                        if (method.getName().equals("getMetaData")) {
                            metaData.incrementAndGet();
                        }
                        return method.invoke(real, args);
                    });
            int rowNumber = 0;
            while (counted.next()) {
                rows.add(mapper.mapRow(counted, rowNumber++));
            }
        }

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).openedAt()).isEqualTo(Instant.parse("2024-01-03T08:00:00Z"));
        assertThat(byName).hasValue(0);
        assertThat(asInstant).hasValue(0);
        assertThat(metaData).hasValue(1);
    }
}
