/**
 * The case file: the asylum case record (person, application, arrival, family abroad), its status and stage,
 * case search, and the main chain process {@code asylumCase} that carries a case through the stages.
 * Personal data lives here, in our tables, and nowhere else: not in process variables, logs or metrics.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Case file",
        allowedDependencies = {"platform"})
package nl.asylumchain.casefile;
