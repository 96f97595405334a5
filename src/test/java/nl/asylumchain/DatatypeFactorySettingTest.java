package nl.asylumchain;

import java.util.Collections;
import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application names JAXP's {@code DatatypeFactory} so that the engine's timers do not look through every jar for
 * one, as soon as the application class is first used (by {@code main}, or by a test's or benchmark's context, which
 * makes it a bean); the name must be the implementation the search finds without it.
 */
class DatatypeFactorySettingTest {

    @Test
    void noJarOfTheApplicationProvidesADatatypeFactoryOfItsOwn() throws Exception {
        assertThat(Collections.list(getClass()
                        .getClassLoader()
                        .getResources("META-INF/services/" + AsylumChainApplication.DATATYPE_FACTORY)))
                .isEmpty();
    }

    @Test
    void theApplicationClassNamesItWhenItIsFirstUsed() throws Exception {
        Class.forName(AsylumChainApplication.class.getName(), true, getClass().getClassLoader());

        assertThat(System.getProperty(AsylumChainApplication.DATATYPE_FACTORY))
                .isEqualTo(AsylumChainApplication.JDK_DATATYPE_FACTORY);
    }

    @Test
    void theNamedImplementationIsTheJdksOwn() {
        assertThat(DatatypeFactory.newDefaultInstance().getClass().getName())
                .isEqualTo(AsylumChainApplication.JDK_DATATYPE_FACTORY);
    }
}
