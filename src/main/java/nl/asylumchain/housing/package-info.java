/**
 * Housing of permit holders (uitstroom): the taakstelling per half-year split over municipalities, the proposal and
 * the link to a municipality (koppeling), the municipality's housing offer, a doorstroomlocatie, and the move.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Housing",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.housing;
