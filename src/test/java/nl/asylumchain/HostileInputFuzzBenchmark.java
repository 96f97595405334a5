package nl.asylumchain;

/**
 * {@link HostileInputFuzzPostgresIT} at length: 30,000 tries unless {@code -Dfuzz.tries} says otherwise. Run:
 * {@code ./mvnw -Pbench verify}.
 */
class HostileInputFuzzBenchmark extends HostileInputFuzzPostgresIT {

    @Override
    int tries() {
        return Integer.getInteger("fuzz.tries", 30_000);
    }
}
