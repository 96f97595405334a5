package nl.asylumchain.platform;

/**
 * Users a module creates at start-up, after {@link IdentitySetup} has created the groups and their grants and the
 * first administrator: the demo module's users, for one. A bean of this type is called once per start, so what it
 * creates must be found again rather than created twice ({@link UserAccounts} does that).
 */
public interface InitialUsers {

    void createWith(UserAccounts accounts);
}
