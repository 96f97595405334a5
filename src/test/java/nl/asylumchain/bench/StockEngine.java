package nl.asylumchain.bench;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import nl.asylumchain.TestPostgres;
import nl.asylumchain.platform.ChainHistoryLevel;

/**
 * The baseline of every benchmark (issue 14): a stock Camunda 7.24 engine, built from the engine's own standalone
 * configuration with nothing of ours, in its own database of the test PostgreSQL server, with our history level and
 * authorization checks on. The history level is configuration, not code of ours: the stock engine knows the chain's
 * custom level ({@link ChainHistoryLevel}) and runs at it when ours does, so both write the same kinds of history.
 * Each benchmark deploys its own trivial process on it.
 */
final class StockEngine {

    private StockEngine() {}

    /** A stock engine without a job executor, in the (re-created) database {@code database}. */
    static ProcessEngine start(String database, String historyLevel) {
        return build(database, historyLevel).buildProcessEngine();
    }

    /**
     * A stock engine whose job executor is set like ours ({@code application.yml}: acquisition, lock time, back-off
     * and the thread pool), started with the engine.
     */
    static ProcessEngine withJobExecutorLike(String database, String historyLevel, JobExecutor ours) {
        ProcessEngineConfigurationImpl configuration = build(database, historyLevel);
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setLockTimeInMillis(ours.getLockTimeInMillis());
        executor.setWaitTimeInMillis(ours.getWaitTimeInMillis());
        executor.setMaxWait(ours.getMaxWait());
        executor.setBackoffTimeInMillis(ours.getBackoffTimeInMillis());
        executor.setMaxBackoff(ours.getMaxBackoff());
        executor.setMaxJobsPerAcquisition(ours.getMaxJobsPerAcquisition());
        if (ours instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            executor.setCorePoolSize(pool.getCorePoolSize());
            executor.setMaxPoolSize(pool.getMaxPoolSize());
            executor.setQueueSize(pool.getQueueCapacity());
        }
        configuration.setJobExecutor(executor);
        configuration.setJobExecutorActivate(true);
        return configuration.buildProcessEngine();
    }

    /** "threads 3-10, queue 3": the pool of our job executor, as application.yml sets it. */
    static String pool(JobExecutor ours) {
        if (ours instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            return "threads " + pool.getCorePoolSize() + "-" + pool.getMaxPoolSize() + ", queue "
                    + pool.getQueueCapacity();
        }
        return "pool unknown";
    }

    private static ProcessEngineConfigurationImpl build(String database, String historyLevel) {
        EmbeddedPostgres server = TestPostgres.server();
        JdbcClient postgres = JdbcClient.create(server.getPostgresDatabase());
        postgres.sql("drop database if exists " + database).update();
        postgres.sql("create database " + database).update();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                        // named apart from ours in the engine registry
                        .setProcessEngineName(database)
                        .setJdbcUrl(server.getJdbcUrl("postgres", database))
                        .setJdbcUsername("postgres")
                        .setJdbcPassword("postgres")
                        .setJdbcDriver("org.postgresql.Driver")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                        .setHistory(historyLevel)
                        .setJobExecutorActivate(false);
        configuration.setCustomHistoryLevels(List.of(ChainHistoryLevel.INSTANCE));
        configuration.setAuthorizationEnabled(true);
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+"); // group ids as ours: ind-decision
        configuration.setJdbcMaxActiveConnections(10);
        // ids as ours get them (Camunda's Spring Boot starter: random UUIDs). The standalone default takes blocks of
        // ids from the database in a transaction of its own, under a lock: with every pooled connection held by a job
        // thread waiting for that lock, the thread holding it waited for a connection, and a stock drain stood still
        // until the pool took a connection back after five minutes (2 December 2026)
        configuration.setIdGenerator(new StrongUuidGenerator());
        // MyBatis's pool takes a connection back from a transaction that held it 20 s while others wait ("Connection
        // is invalid" for that transaction, its job retried); ours (Hikari) never does: on a loaded machine the
        // stock drain lost jobs' transactions that way
        configuration.setJdbcMaxCheckoutTime(300_000);
        return configuration;
    }

    /** A database of the test server, for counting and {@code analyze}. */
    static JdbcClient database(String database) {
        return JdbcClient.create(TestPostgres.server().getDatabase("postgres", database));
    }
}
