package nl.asylumchain;

import java.util.Collections;
import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application names JAXP's {@code DatatypeFactory} so that the engine's timers do not look through every jar for
 * one ({@link AsylumChainApplication#main}); the name must be the implementation the search finds without it.
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
    void theNamedImplementationIsTheJdksOwn() {
        assertThat(DatatypeFactory.newDefaultInstance().getClass().getName())
                .isEqualTo(AsylumChainApplication.JDK_DATATYPE_FACTORY);
    }
}
