/**
 * Return and departure (DT&amp;V): departure interviews, the route out and how the case ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departure")
package nl.asylumchain.departure;
