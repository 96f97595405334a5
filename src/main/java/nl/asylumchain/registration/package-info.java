/**
 * Registration (aanmelding): identification and registration by police or KMar, the registration interview by the
 * IND, track assignment by the {@code trackAssignment} decision, and the rest-and-preparation period.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Registration",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.registration;
