package nl.asylumchain;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine nodes on one PostgreSQL (docs/production.md): two packaged applications, each with its job executor,
 * share a database. Cases are driven through both over HTTP (registered on one node, worked on the other); then
 * their timers fall due at once and both nodes drain them; one node is killed mid-drain while it holds jobs. Every
 * job runs exactly once: each timer has one successful run in the job log, each case has each milestone, ledger row
 * and departure record once, the survivor's counters count only what the survivor committed, and the survivor
 * finishes the dead node's jobs once their lock expires. Runs in failsafe, after {@code package} built the jar.
 */
class TwoNodesIT {

    /** Spoor-4 cases waiting out their rest-and-preparation period (Vb 2000 art. 3.109: at least 6 days). */
    private static final int IN_REST_PERIOD = Integer.getInteger("nodes.rest-period-cases", 24);
    /** Rejected spoor-2 cases waiting out their appeal window: the timer hands them to DT&V. */
    private static final int IN_APPEAL_WINDOW = Integer.getInteger("nodes.appeal-window-cases", 6);
    /**
     * The nodes' job lock. Production keeps 45 s (application.yml, docs/errors-and-recovery.md); 10 s keeps the test
     * short and still far above any of these jobs (a delegate's database work: well under a second), so no live job
     * outlives its lock.
     */
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);

    private static final Pattern STAGES_ENTERED =
            Pattern.compile("^asylum_stages_entered_total\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);

    @Test
    void everyJobRunsExactlyOnceWhenANodeDiesMidDrainAndTheSurvivorFinishesTheWork() throws Exception {
        EmbeddedPostgres postgres = TestPostgres.server();
        String database = "nodes_" + System.currentTimeMillis();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        DataSource data = postgres.getDatabase("postgres", database);
        JdbcClient db = JdbcClient.create(data);

        // the first node creates the schema (engine and Flyway); the second starts on it (docs/production.md)
        Instant begin = Instant.now();
        ApplicationNode a = ApplicationNode.start("a", url, settings("node-a")).awaitUp();
        ApplicationNode b = null;
        try {
            b = ApplicationNode.start("b", url, settings("node-b")).awaitUp();
            List<ApplicationNode> nodes = List.of(a, b);

            // each case is registered on one node and worked on the other: no session, no node affinity
            List<String> restPeriod = new ArrayList<>();
            List<String> appealWindow = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<String>>> driven = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    CaseDriver intake = new CaseDriver(nodes.get(n).client());
                    CaseDriver work = new CaseDriver(nodes.get(1 - n).client());
                    int share = n;
                    driven.add(clients.submit(() -> drive(intake, work, share, IN_REST_PERIOD, IN_APPEAL_WINDOW)));
                }
                for (Future<List<String>> cases : driven) {
                    for (String entry : cases.get()) {
                        (entry.startsWith("R:") ? restPeriod : appealWindow).add(entry.substring(2));
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            System.out.printf(
                    "TwoNodes: both nodes up and %d cases driven after %d s%n",
                    IN_REST_PERIOD + IN_APPEAL_WINDOW,
                    Duration.between(begin, Instant.now()).toSeconds());
            assertThat(restPeriod).hasSize(IN_REST_PERIOD);
            assertThat(appealWindow).hasSize(IN_APPEAL_WINDOW);

            Map<String, String> timers = new HashMap<>(); // job id -> case id
            db.sql("select j.id_, e.business_key_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                            + " join act_ru_execution e on e.id_ = j.process_instance_id_ where j.type_ = 'timer'"
                            + " and d.act_id_ in (:timers)")
                    .param(
                            "timers",
                            List.of(RegistrationModel.EVENT_REST_PERIOD_PASSED, AppealModel.EVENT_APPEAL_WINDOW_PASSED))
                    .query((rs, row) -> timers.put(rs.getString(1), rs.getString(2)))
                    .list();
            assertThat(timers).as("one waiting timer per case").hasSize(IN_REST_PERIOD + IN_APPEAL_WINDOW);
            double indBefore = stagesEntered(b, "ind_decision");
            double departureBefore = stagesEntered(b, "departure");

            // Six days (and the appeal window) pass at once. The nodes' clocks cannot be moved from outside and the
            // application has no test-only API to move them, so the test does what passing time does to the job
            // executor: the timers' due dates are now in the past. Nothing else in the database changes.
            // Node b is frozen while the timers fall due, until node a holds some: on a quiet machine one node could
            // otherwise drain all of them before the other's next look for due jobs (up to max-wait, 3 s), and node a
            // would die holding nothing. Both then drain side by side.
            b.pause();
            try {
                int due = db.sql("update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in (:ids)")
                        .param("ids", timers.keySet())
                        .update();
                assertThat(due).isEqualTo(timers.size());
                Instant aTakes = Instant.now().plusSeconds(60);
                while (lockedBy(db, timers.keySet(), "node-a").isEmpty()
                        && Instant.now().isBefore(aTakes)) {
                    Thread.sleep(10);
                }
            } finally {
                b.resume();
            }

            // kill node a once a quarter of the timers ran, while it holds jobs and work is left (on a machine busy
            // with other builds the first quarter once took longer than a minute)
            Instant giveUp = Instant.now().plusSeconds(180);
            long remainingAtKill = -1;
            while (Instant.now().isBefore(giveUp)) {
                long remaining = remaining(db, timers.keySet());
                long heldByA = lockedBy(db, timers.keySet(), "node-a").size();
                if (remaining <= timers.size() * 3 / 4 && heldByA > 0) {
                    a.kill();
                    remainingAtKill = remaining;
                    break;
                }
                if (remaining == 0) {
                    break;
                }
                Thread.sleep(10);
            }
            assertThat(a.alive()).as("node a was killed mid-drain").isFalse();
            // what node a had locked and not committed when it died: only the survivor can finish it
            List<String> orphans = lockedBy(db, timers.keySet(), "node-a");
            System.out.printf(
                    "TwoNodes: %d timers, %d left when node a was killed, %d held by the dead node%n",
                    timers.size(), remainingAtKill, orphans.size());
            Instant killed = Instant.now();
            assertThat(remainingAtKill)
                    .as("work left when node a died")
                    .isPositive()
                    .isLessThanOrEqualTo(timers.size() * 3 / 4);
            assertThat(orphans).as("jobs the dead node held").isNotEmpty();

            Instant drained = Instant.now().plus(LOCK_TIME).plusSeconds(60);
            while (remaining(db, timers.keySet()) > 0 && Instant.now().isBefore(drained)) {
                Thread.sleep(200);
            }
            assertThat(remaining(db, timers.keySet()))
                    .as("timers left after the lock of the dead node expired")
                    .isZero();
            System.out.printf(
                    "TwoNodes: the survivor finished %d s after the kill%n",
                    Duration.between(killed, Instant.now()).toSeconds());

            // every job ran exactly once, and the survivor ran the dead node's jobs
            Map<String, List<String>> runs = new HashMap<>();
            db.sql("select job_id_, hostname_ from act_hi_job_log where job_id_ in (:ids) and job_state_ = 2")
                    .param("ids", timers.keySet())
                    .query((rs, row) -> runs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(rs.getString(2)))
                    .list();
            assertThat(runs.keySet()).as("timers with a successful run").isEqualTo(timers.keySet());
            assertThat(runs)
                    .allSatisfy((job, hosts) ->
                            assertThat(hosts).as("successful runs of " + job).hasSize(1));
            for (String orphan : orphans) {
                assertThat(runs.get(orphan)).as("the dead node's job " + orphan).containsExactly("node-b");
            }
            assertThat(count(db, "select count(*) from act_ru_incident"))
                    .as("incidents")
                    .isZero();

            // each effect once per case
            for (String caseId : restPeriod) {
                assertThat(milestones(db, caseId, "PROCEDURE_STARTED"))
                        .as("procedure started in " + caseId)
                        .isOne();
                assertThat(instances(db, caseId, "indDecision"))
                        .as("IND procedures of " + caseId)
                        .isOne();
                assertThat(ledgerRowsTwice(db, caseId))
                        .as("reception moves recorded twice in " + caseId)
                        .isZero();
            }
            for (String caseId : appealWindow) {
                assertThat(milestones(db, caseId, "REJECTION_FINAL"))
                        .as("rejection final in " + caseId)
                        .isOne();
                assertThat(count(db, "select count(*) from departures where case_id = cast(? as uuid)", caseId))
                        .as("departure records of " + caseId)
                        .isOne();
                assertThat(count(
                                db,
                                "select count(*) from reception_moves where case_id = cast(? as uuid)"
                                        + " and step = 'REJECTION_FINAL'",
                                caseId))
                        .as("reception move at the rejection of " + caseId)
                        .isOne();
                assertThat(ledgerRowsTwice(db, caseId))
                        .as("reception moves recorded twice in " + caseId)
                        .isZero();
                assertThat(instances(db, caseId, "departure"))
                        .as("departure processes of " + caseId)
                        .isOne();
            }

            // the survivor counted exactly the stages it entered (a counter counts after the commit, so a run that
            // rolled back, or one the dead node never committed, counts nowhere); node a's counts died with it
            assertThat(stagesEntered(b, "ind_decision") - indBefore)
                    .as("IND stages counted by node b")
                    .isEqualTo(runsBy(runs, timers, restPeriod, "node-b"));
            // a spoor-2 rejection enters departure at the rejection itself (before the drain); the appeal window
            // beside it only makes the rejection final, so no timer of the drain enters a departure stage
            assertThat(stagesEntered(b, "departure") - departureBefore)
                    .as("departure stages counted by node b")
                    .isZero();

            // and the cases are where the rules put them, as the survivor shows them
            CaseDriver survivor = new CaseDriver(b.client());
            for (String caseId : restPeriod) {
                assertThat(survivor.openTaskKeys(caseId))
                        .as("case " + caseId)
                        .containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
            }
        } catch (Exception | AssertionError failure) {
            // CI shows a failed test's message, not the nodes' log files: a 500's cause goes into the message
            String errors = a.errors() + (b == null ? "" : b.errors());
            if (errors.isEmpty()) {
                throw failure;
            }
            throw new AssertionError(failure.getMessage() + "\nWhat the nodes logged at ERROR:\n" + errors, failure);
        } finally {
            a.kill();
            if (b != null) {
                b.kill();
            }
        }
    }

    private static List<String> settings(String name) {
        return List.of(
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                // the engine's host name: in the job log of every run and in the lock owner of every held job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.metrics.enabled=false");
    }

    /**
     * Registers this client's share of the cases on {@code intake} and works them on {@code work} until each waits
     * for its timer; returns "R:caseId" (rest period) and "A:caseId" (appeal window).
     */
    private static List<String> drive(CaseDriver intake, CaseDriver work, int share, int restPeriod, int appealWindow) {
        List<String> cases = new ArrayList<>();
        for (int i = share; i < restPeriod; i += 2) {
            String caseId = intake.register(application("SYR"));
            // identification and the registration interview; no timer fires here
            work.workAnswered(caseId, CaseDriver.SPOOR_4_ANSWERS, Set.of());
            cases.add("R:" + caseId);
        }
        for (int i = share; i < appealWindow; i += 2) {
            String caseId = intake.register(application("GEO"));
            // the lawyer's zienswijze period passes; the rejection waits for its appeal window
            work.work(caseId, CaseDriver.answers("REJECT"), Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED));
            cases.add("A:" + caseId);
        }
        return cases;
    }

    private static Map<String, Object> application(String nationality) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", nationality);
        application.put("familyMembersAbroad", List.of());
        return application;
    }

    private static long remaining(JdbcClient db, Set<String> jobs) {
        return db.sql("select count(*) from act_ru_job where id_ in (:ids)")
                .param("ids", jobs)
                .query(Long.class)
                .single();
    }

    /** Jobs whose lock owner is this node (EngineConfiguration names the owner after the engine's host name). */
    private static List<String> lockedBy(JdbcClient db, Set<String> jobs, String node) {
        return db.sql("select id_ from act_ru_job where id_ in (:ids) and lock_owner_ like :owner")
                .param("ids", jobs)
                .param("owner", node + "/%")
                .query(String.class)
                .list();
    }

    private static long milestones(JdbcClient db, String caseId, String milestone) {
        return count(
                db,
                "select count(*) from case_milestones where case_id = cast(? as uuid) and milestone = ?",
                caseId,
                milestone);
    }

    private static long instances(JdbcClient db, String caseId, String processKey) {
        return count(
                db,
                "select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?",
                caseId,
                processKey);
    }

    /** Steps for which the case's reception ledger holds more than one move. */
    private static long ledgerRowsTwice(JdbcClient db, String caseId) {
        return count(
                db,
                "select count(*) from (select step from reception_moves where case_id = cast(? as uuid)"
                        + " group by step having count(*) > 1) twice",
                caseId);
    }

    private static long count(JdbcClient db, String sql, Object... params) {
        var statement = db.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    /** How many of these cases' timers this node ran. */
    private static double runsBy(
            Map<String, List<String>> runs, Map<String, String> timers, List<String> cases, String node) {
        return runs.entrySet().stream()
                .filter(run -> cases.contains(timers.get(run.getKey())))
                .filter(run -> run.getValue().contains(node))
                .count();
    }

    /** The node's {@code asylum_stages_entered_total} for this stage (0 before the first entry). */
    private static double stagesEntered(ApplicationNode node, String stage) {
        Matcher samples = STAGES_ENTERED.matcher(node.client().scrape());
        double sum = 0;
        while (samples.find()) {
            if (samples.group(1).contains("stage=\"" + stage + "\"")) {
                sum += Double.parseDouble(samples.group(2));
            }
        }
        return sum;
    }
}
