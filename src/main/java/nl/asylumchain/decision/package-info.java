/**
 * The IND decision: the tracks (spoor 1 Dublin, spoor 2, spoor 4 with the VA), case priority, hearings, the
 * decision and its consequences for what comes next (permit, departure period, Dublin transfer).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "IND decision",
        allowedDependencies = {"casefile", "registration", "platform"})
package nl.asylumchain.decision;
