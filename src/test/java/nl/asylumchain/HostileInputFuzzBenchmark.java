package nl.asylumchain;

/**
 * {@link HostileInputFuzzPostgresIT} at length: 30,000 tries unless {@code -Dfuzz.tries} says otherwise, from a new
 * seed each run (printed, to replay). Run: {@code ./mvnw -Pbench verify}.
 */
class HostileInputFuzzBenchmark extends HostileInputFuzzPostgresIT {

    @Override
    int tries() {
        return Integer.getInteger("fuzz.tries", 30_000);
    }

    @Override
    long defaultSeed() {
        return System.nanoTime();
    }
}
