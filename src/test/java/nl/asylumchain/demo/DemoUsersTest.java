package nl.asylumchain.demo;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import nl.asylumchain.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo users have a known password: on a real (PostgreSQL) database the application does not start with them. */
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTest {

    @Test
    void demoUsersOnPostgresqlRefuseToStartUnlessForced() {
        DataSource postgres = TestPostgres.server().getPostgresDatabase();

        assertThatThrownBy(() -> new DemoUsers(postgres, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL")
                .hasMessageContaining("asylumchain.demo.users=false")
                .hasMessageContaining(DemoUsers.ON_PRODUCTION_DATABASE);
    }

    @Test
    void forcedDemoUsersOnPostgresqlWarnAtStart(CapturedOutput output) {
        new DemoUsers(TestPostgres.server().getPostgresDatabase(), true);

        assertThat(output.getAll())
                .contains("WARN")
                .contains("Demo users")
                .contains(DemoUsers.ON_PRODUCTION_DATABASE + "=true");
    }

    @Test
    void demoUsersOnTheLaptopsH2StartWithoutAWarning(CapturedOutput output) {
        new DemoUsers(new DriverManagerDataSource("jdbc:h2:mem:demodata"), false);

        assertThat(output.getAll()).doesNotContain("WARN");
    }
}
