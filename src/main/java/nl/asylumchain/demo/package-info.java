/**
 * Demo traffic for a laptop or a showcase, never for real cases: the demo users (one per group, a known password,
 * refused on a production database unless forced) and the traffic generator that registers cases and works their
 * tasks with plausible answers read from each task's Camunda Form, so that the dashboards fill. It may use the
 * modules whose tasks it works (through their public face and their models' ids); nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"casefile", "registration :: model", "decision :: model", "platform"})
package nl.asylumchain.demo;
