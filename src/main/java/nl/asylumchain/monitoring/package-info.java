/**
 * Chain metrics for Prometheus and Grafana: inflow, production, backlog, lead times and capacity. Tags are few and
 * fixed; no person and no case id ever becomes a tag.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Monitoring",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.monitoring;
