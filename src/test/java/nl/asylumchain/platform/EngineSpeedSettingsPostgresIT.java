package nl.asylumchain.platform;

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
        // the registration's start writes its variables in one batch: each one is there, and each once
        long variables = jdbc.sql("select count(*) from act_ru_variable v join act_ru_execution e"
                        + " on e.proc_inst_id_ = v.proc_inst_id_ where e.business_key_ = ? and e.parent_id_ is null")
                .param(caseId)
                .query(Long.class)
                .single();
        long distinct = jdbc.sql("select count(distinct v.id_) from act_ru_variable v join act_ru_execution e"
                        + " on e.proc_inst_id_ = v.proc_inst_id_ where e.business_key_ = ? and e.parent_id_ is null")
                .param(caseId)
                .query(Long.class)
                .single();
        assertThat(variables)
                .as("variables of the case's processes")
                .isGreaterThan(1)
                .isEqualTo(distinct);
        assertThat(jdbc.sql("select count(*) from act_hi_varinst h where h.id_ in (select v.id_ from act_ru_variable v"
                                + " join act_ru_execution e on e.proc_inst_id_ = v.proc_inst_id_"
                                + " where e.business_key_ = ? and e.parent_id_ is null)")
                        .param(caseId)
                        .query(Long.class)
                        .single())
                .as("their history rows, inserted in the same batches")
                .isEqualTo(variables);
    }

    @Test
    void theEnginesDmnEngineParsesEachFeelTextOnce() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getDmnEngineConfiguration()
                        .getFeelEngineFactory())
                .isInstanceOf(ParsedFeelCache.class);
    }
}
