package nl.asylumchain.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per group, and {@code demo} in every group; all with password {@code demo}. On by default
 * (the embedded H2 set-up); {@code asylumchain.demo.users=false} leaves them out, as a production set-up must.
 */
@Component
@ConditionalOnProperty(name = "asylumchain.demo.users", havingValue = "true", matchIfMissing = true)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String PASSWORD = "demo";

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
        USERS.put("privacy", new String[] {Groups.PRIVACY_OFFICER, "Femke", "Functionaris gegevensbescherming"});
    }

    private final IdentityService identityService;

    DemoData(IdentityService identityService) {
        this.identityService = identityService;
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
