/**
 * Family reunification (nareis): the sponsor's application for family members abroad, evidence, decision and arrival.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Family reunification",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.reunification;
