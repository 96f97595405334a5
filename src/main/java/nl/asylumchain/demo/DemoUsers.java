package nl.asylumchain.demo;

import java.sql.DatabaseMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.InitialUsers;
import nl.asylumchain.platform.UserAccounts;

/**
 * Demo users, one per group, and {@code demo} in every group; all with password {@code demo}. On by default for
 * the laptop set-up on the embedded H2 database; {@code asylumchain.demo.users=false} leaves them out.
 *
 * <p>Known passwords are a way in for anyone, so on any other database (PostgreSQL: a real installation) the
 * application refuses to start with demo users on, unless {@value #ON_PRODUCTION_DATABASE} is {@code true}; then it
 * warns at every start. The database is told by the product name its JDBC driver reports, not by the URL, so
 * that a pooled, proxied or differently spelled URL cannot make PostgreSQL pass for H2. The platform creates them
 * after the groups and the first administrator ({@link InitialUsers}).
 */
@Component
@ConditionalOnProperty(name = "asylumchain.demo.users", havingValue = "true", matchIfMissing = true)
class DemoUsers implements InitialUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

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

    DemoUsers(DataSource dataSource, @Value("${" + ON_PRODUCTION_DATABASE + ":false}") boolean onProductionDatabase) {
        String database = databaseProductName(dataSource);
        if (!LAPTOP_DATABASE.equals(database)) {
            if (!onProductionDatabase) {
                throw new IllegalStateException("Demo users (password '" + PASSWORD + "') are on, and the database is "
                        + database + ", not the laptop's " + LAPTOP_DATABASE + ". Set asylumchain.demo.users=false"
                        + " (ASYLUMCHAIN_DEMO_USERS=false) and create the first administrator with"
                        + " ASYLUMCHAIN_ADMIN_USER and ASYLUMCHAIN_ADMIN_PASSWORD; or, for a throwaway test"
                        + " installation only, set " + ON_PRODUCTION_DATABASE + "=true.");
            }
            log.warn(
                    "Demo users with the known password '{}' are on, on a {} database, because {}=true. Anyone"
                            + " who knows the README can log in, as an administrator too. Never do this with real cases.",
                    PASSWORD,
                    database,
                    ON_PRODUCTION_DATABASE);
        }
    }

    private static String databaseProductName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is, so demo users stay off", e);
        }
    }

    @Override
    public void createWith(UserAccounts accounts) {
        USERS.forEach((userId, user) -> {
            accounts.ensureUser(userId, user[1], user[2], email(userId), PASSWORD);
            accounts.ensureMembership(userId, user[0]);
        });
        accounts.ensureUser("demo", "Demo", "Gebruiker", email("demo"), PASSWORD);
        Groups.ALL.forEach(groupId -> accounts.ensureMembership("demo", groupId));
        log.info("Demo users ready: {} and demo (password '{}')", USERS.keySet(), PASSWORD);
    }

    private static String email(String userId) {
        return userId + "@demo.asylumchain.nl";
    }
}
