package nl.asylumchain;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import nl.asylumchain.forecast.ForecastCommand;

@SpringBootApplication
public class AsylumChainApplication {

    /** JAXP's setting for the implementation of {@code javax.xml.datatype.DatatypeFactory}. */
    static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";
    /** The JDK's own implementation of it. */
    static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

    static {
        // the engine makes a DatatypeFactory for every timer it sets (DurationHelper), for which JAXP looks through
        // every jar of the application for a provider file each time (1.3 % of a forecast's time, 2 % of a wait-state
        // transition's): none of them has one, so name the JDK's own implementation, which the search ends with
        // anyway. Set when the class is first used: by main, and by a test's or benchmark's context, which makes
        // this class a bean, so that they measure what runs in production
        if (System.getProperty(DATATYPE_FACTORY) == null) {
            System.setProperty(DATATYPE_FACTORY, JDK_DATATYPE_FACTORY);
        }
    }

    public static void main(String[] args) {
        // a forecast runs in its own context and engine, never beside a live one (docs/forecast.md)
        if (args.length > 0 && ForecastCommand.PROFILE.equals(args[0])) {
            System.exit(ForecastCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(AsylumChainApplication.class, args);
    }
}
