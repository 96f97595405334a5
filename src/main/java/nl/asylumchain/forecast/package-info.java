/**
 * The chain forecast (MPP, issue 15): a year of inflow through the real models in an isolated engine of its own
 * JVM, its report, the REST API and page that start one, and the "from now" snapshot of the running system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast")
package nl.asylumchain.forecast;
