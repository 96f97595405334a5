package nl.asylumchain.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, lets the JDBC driver send a batch of inserts as one multi-row insert ({@code reWriteBatchedInserts}).
 * The engine writes the rows of a command at its end in JDBC batches, one per statement kind, and a step of a case
 * inserts dozens of rows of a kind (its variables, their history, the activity instances, a decision's inputs and
 * outputs): PostgreSQL then parses, plans and runs one statement for up to 128 rows instead of one per row. Camunda
 * supports the setting (it needs no affected-row count of an insert, only of updates and deletes, which stay one
 * statement each). docs/postgresql.md, "Batched inserts"; {@code asylumchain.datasource.batched-inserts: false} turns
 * it off. Other databases (H2) are left alone: their drivers refuse settings they do not know.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    private final boolean enabled;

    PostgresBatchedInserts(@Value("${asylumchain.datasource.batched-inserts:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (enabled
                && bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().contains(SETTING)
                && !pool.getDataSourceProperties().containsKey(SETTING)) {
            pool.addDataSourceProperty(SETTING, "true");
        }
        return bean;
    }
}
