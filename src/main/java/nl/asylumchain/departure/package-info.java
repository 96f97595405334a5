/**
 * Return and departure (DT&amp;V): the hand-over after a final rejection or Dublin acceptance, the departure period
 * and return location, departure interviews and the route (DMN {@code departureRoute}), the Dublin transfer
 * deadline, detention, the reporting obligation, how the case ends and the demonstrable departure share.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Departure",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.departure;
