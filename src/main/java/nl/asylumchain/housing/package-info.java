/**
 * Housing of permit holders (uitstroom): linking to a municipality (koppeling), the municipality's housing offer and the move.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Housing")
package nl.asylumchain.housing;
