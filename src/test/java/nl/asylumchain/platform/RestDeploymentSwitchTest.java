package nl.asylumchain.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** REST deployment is on for the laptop default only, unless the property says otherwise. */
class RestDeploymentSwitchTest {

    @Test
    void onWithTheEmbeddedH2Database() {
        assertThat(RestDeploymentSwitch.enabled(database("jdbc:h2:file:./data/asylumchain")))
                .isTrue();
    }

    @Test
    void offOnPostgresql() {
        assertThat(RestDeploymentSwitch.enabled(database("jdbc:postgresql://db:5432/asylumchain")))
                .isFalse();
    }

    @Test
    void thePropertyDecidesWhenSet() {
        assertThat(RestDeploymentSwitch.enabled(database("jdbc:postgresql://db:5432/asylumchain")
                        .withProperty(RestDeploymentSwitch.PROPERTY, "true")))
                .isTrue();
        assertThat(RestDeploymentSwitch.enabled(
                        database("jdbc:h2:mem:test").withProperty(RestDeploymentSwitch.PROPERTY, "false")))
                .isFalse();
    }

    private static MockEnvironment database(String url) {
        return new MockEnvironment().withProperty("spring.datasource.url", url);
    }
}
