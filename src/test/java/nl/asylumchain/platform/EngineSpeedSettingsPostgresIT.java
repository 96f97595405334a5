package nl.asylumchain.platform;

import java.util.List;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.zaxxer.hikari.HikariDataSource;

import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine's settings for the work per step (docs/postgresql.md, "Batched inserts", "History level"): on
 * PostgreSQL the pool's driver sends a batch of inserts as one statement, and a case's step still writes every row
 * (the multi-row insert counted as rows, not statements); the engine's DMN engine parses each FEEL text once.
 */
class EngineSpeedSettingsPostgresIT extends PostgresIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePoolOnPostgresqlBatchesInsertsAndEveryRowOfAStepIsWritten() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties())
                .containsEntry(PostgresBatchedInserts.SETTING, "true");

        String caseId = driver.register();
        // the registration's start writes its variables and their history rows in batches: each variable of the
        // case's processes is there with exactly one history row (a row lost or written twice shows here)
        List<Long> historyRowsPerVariable = jdbc.sql("select count(h.id_) from act_ru_variable v"
                        + " join act_ru_execution e on e.proc_inst_id_ = v.proc_inst_id_"
                        + " left join act_hi_varinst h on h.id_ = v.id_"
                        + " where e.business_key_ = ? and e.parent_id_ is null group by v.id_")
                .param(caseId)
                .query(Long.class)
                .list();
        assertThat(historyRowsPerVariable)
                .as("variables of the case's processes")
                .hasSizeGreaterThan(1);
        assertThat(historyRowsPerVariable)
                .as("history rows per variable, inserted in the same batches")
                .containsOnly(1L);
    }

    @Test
    void theEnginesDmnEngineParsesEachFeelTextOnce() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getDmnEngineConfiguration()
                        .getFeelEngineFactory())
                .isInstanceOf(ParsedFeelCache.class);
    }
}
