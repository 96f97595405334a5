package nl.asylumchain.platform;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine runs at the chain's history level (docs/production.md, "Where a node's time goes"): a case's
 * variable updates leave their latest value in the history but no second copy in ACT_HI_DETAIL, while the decisions
 * that routed it keep their inputs and outputs (the motivation of a routing decision, Awb 3:46); the table of task
 * periods, which takes no fact of the case, is not recorded as a decision.
 */
class ChainHistoryLevelPostgresIT extends PostgresIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLiveEngineRunsAtTheChainHistoryLevelAndTheDatabaseRecordsIt() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getHistoryLevel()
                        .getName())
                .isEqualTo(ChainHistoryLevel.NAME);
        assertThat(jdbc.sql("select value_ from act_ge_property where name_ = 'historyLevel'")
                        .query(String.class)
                        .single())
                .isEqualTo(Integer.toString(ChainHistoryLevel.ID));
    }

    @Test
    void aVariableUpdateWritesNoDetailRowWhileARoutingDecisionKeepsItsInputsAndOutputs() {
        String caseId = driver.register();
        // identification and the registration interview: their form answers become process variables
        driver.workAnswered(caseId, CaseDriver.SPOOR_4_ANSWERS, Set.of());
        List<String> roots = jdbc.sql("select distinct root_proc_inst_id_ from act_hi_procinst where business_key_ = ?")
                .param(caseId)
                .query(String.class)
                .list();
        assertThat(roots).as("root processes of the case").isNotEmpty();

        assertThat(count(
                        "select count(*) from act_hi_varinst where root_proc_inst_id_ in (:roots)"
                                + " and name_ = 'identityEstablished' and long_ = 1",
                        roots))
                .as("the latest value of a form answer, kept in the history")
                .isEqualTo(1);
        assertThat(count("select count(*) from act_hi_detail where root_proc_inst_id_ in (:roots)", roots))
                .as("variable update details of the case")
                .isZero();

        assertThat(count("select count(*) from act_hi_decinst where root_proc_inst_id_ in (:roots)", roots))
                .as("decisions evaluated for the case")
                .isPositive();
        assertThat(count(
                        "select count(*) from act_hi_dec_in i join act_hi_decinst d on d.id_ = i.dec_inst_id_"
                                + " where d.root_proc_inst_id_ in (:roots)",
                        roots))
                .as("inputs of those decisions")
                .isPositive();
        assertThat(count(
                        "select count(*) from act_hi_dec_out o join act_hi_decinst d on d.id_ = o.dec_inst_id_"
                                + " where d.root_proc_inst_id_ in (:roots)",
                        roots))
                .as("outputs of those decisions")
                .isPositive();
        // the periods and priorities of the case's tasks: not recorded as a decision (asylumchain.history
        // .unrecorded-decisions); the table version each process read them from is kept as its variable
        assertThat(count(
                        "select count(*) from act_hi_decinst where root_proc_inst_id_ in (:roots)"
                                + " and dec_def_key_ = 'taskPeriods'",
                        roots))
                .as("evaluations of taskPeriods recorded")
                .isZero();
        assertThat(count(
                        "select count(*) from act_hi_varinst where root_proc_inst_id_ in (:roots)"
                                + " and name_ = 'taskPeriods'",
                        roots))
                .as("the version of taskPeriods each process read, kept as a variable")
                .isPositive();
    }

    private long count(String sql, List<String> roots) {
        return jdbc.sql(sql).param("roots", roots).query(Long.class).single();
    }
}
