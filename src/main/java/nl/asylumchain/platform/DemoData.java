package nl.asylumchain.platform;

import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per group, and {@code demo} in every group; all with password {@code demo}. On by default for
 * the laptop set-up on the embedded H2 database; {@code asylumchain.demo.users=false} leaves them out.
 *
 * <p>Known passwords are a way in for anyone, so on any other database (PostgreSQL: a real installation) the
 * application refuses to start with demo users on, unless {@value #ON_PRODUCTION_DATABASE} is {@code true}; then it
 * warns at every start. The database is told by the product name its JDBC driver reports, not by the URL, so
 * that a pooled, proxied or differently spelled URL cannot make PostgreSQL pass for H2.
 */
@Component
@ConditionalOnProperty(name = "asylumchain.demo.users", havingValue = "true", matchIfMissing = true)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String PASSWORD = "demo";

    static final String ON_PRODUCTION_DATABASE = "asylumchain.demo.users-on-production-database";

    /** The one database the demo users are meant for: the embedded one of a laptop. */
    static final String LAPTOP_DATABASE = "H2";

    /** user id → the group the user works in; first and last name show in Tasklist. */
    static final Map<String, String[]> USERS = new LinkedHashMap<>();

    static {
        USERS.put("agent", new String[] {Groups.POLICE_AVIM, "Anna", "Agent (Politie AVIM)"});
        USERS.put("marechaussee", new String[] {Groups.KMAR, "Mark", "Marechaussee (KMar)"});
        USERS.put("aanmelding", new String[] {Groups.IND_REGISTRATION, "Ilse", "Aanmelding (IND)"});
        USERS.put("beslismedewerker", new String[] {Groups.IND_DECISION, "Bas", "Beslismedewerker (IND)"});
        USERS.put("dublin", new String[] {Groups.IND_DUBLIN, "Dana", "Dublin (IND)"});
        USERS.put("nareis", new String[] {Groups.IND_REUNIFICATION, "Noor", "Nareis (IND)"});
        USERS.put("coa", new String[] {Groups.COA, "Cor", "Opvang (COA)"});
        USERS.put("voogd", new String[] {Groups.NIDOS, "Vera", "Voogd (Nidos)"});
        USERS.put("gemeente", new String[] {Groups.MUNICIPALITY, "Gert", "Gemeente"});
        USERS.put("terugkeer", new String[] {Groups.DTV, "Tim", "Terugkeer (DT&V)"});
        USERS.put("teamleider", new String[] {Groups.IND_TEAM_LEAD, "Tara", "Teamleider (IND)"});
        USERS.put("ontwerper", new String[] {Groups.PROCESS_DESIGNER, "Olaf", "Procesontwerper"});
        USERS.put("planner", new String[] {Groups.PLANNER, "Pien", "Planner (ketenprognose)"});
        USERS.put("privacy", new String[] {Groups.PRIVACY_OFFICER, "Femke", "Functionaris gegevensbescherming"});
    }

    private final IdentityService identityService;

    DemoData(IdentityService identityService, DataSource dataSource,
            @Value("${" + ON_PRODUCTION_DATABASE + ":false}") boolean onProductionDatabase) {
        this.identityService = identityService;
        String database = databaseProductName(dataSource);
        if (!LAPTOP_DATABASE.equals(database)) {
            if (!onProductionDatabase) {
                throw new IllegalStateException("Demo users (password '" + PASSWORD + "') are on, and the database is "
                        + database + ", not the laptop's " + LAPTOP_DATABASE + ". Set asylumchain.demo.users=false"
                        + " (ASYLUMCHAIN_DEMO_USERS=false) and create the first administrator with"
                        + " ASYLUMCHAIN_ADMIN_USER and ASYLUMCHAIN_ADMIN_PASSWORD; or, for a throwaway test"
                        + " installation only, set " + ON_PRODUCTION_DATABASE + "=true.");
            }
            log.warn("Demo users with the known password '{}' are on, on a {} database, because {}=true. Anyone"
                    + " who knows the README can log in, as an administrator too. Never do this with real cases.",
                    PASSWORD, database, ON_PRODUCTION_DATABASE);
        }
    }

    private static String databaseProductName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is, so demo users stay off", e);
        }
    }

    void createDemoUsers() {
        USERS.forEach((userId, user) -> {
            createUser(userId, user[1], user[2]);
            addMembership(userId, user[0]);
        });
        createUser("demo", "Demo", "Gebruiker");
        Groups.ALL.forEach(groupId -> addMembership("demo", groupId));
        log.info("Demo users ready: {} and demo (password '{}')", USERS.keySet(), PASSWORD);
    }

    private void createUser(String userId, String firstName, String lastName) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(userId + "@demo.asylumchain.nl");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    private void addMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
