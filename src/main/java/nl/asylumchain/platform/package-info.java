/**
 * Engine configuration, security and identity, business time and web error handling: the only place besides the
 * modules' {@code process} packages that talks to Camunda directly.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.asylumchain.platform;
