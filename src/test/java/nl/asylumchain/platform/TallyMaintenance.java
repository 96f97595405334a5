package nl.asylumchain.platform;

import org.springframework.context.ApplicationContext;

/** For the benchmarks outside this package: the task group tally's nightly recount, run now. */
public final class TallyMaintenance {

    private TallyMaintenance() {}

    public static void recount(ApplicationContext context) {
        context.getBean(TaskGroupTallyFold.class).recount();
    }
}
