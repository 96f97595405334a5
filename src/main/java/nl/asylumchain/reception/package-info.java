/**
 * Reception (COA, Nidos): where a person stays at each step of the chain, decided by the DMN
 * {@code receptionPlacement}, written as moves (in, transfer, out) to an occupancy ledger in the transaction of the
 * step that caused them; occupancy against capacity per location type; guardianship of unaccompanied minors.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Reception",
        allowedDependencies = {"casefile", "platform"})
package nl.asylumchain.reception;
