package nl.asylumchain.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator comes from configuration, as ASYLUMCHAIN_ADMIN_USER and ASYLUMCHAIN_ADMIN_PASSWORD set
 * it. Its own context: an installation without demo users and with an administrator configured.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:firstadministrator;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.demo.users=false",
            "asylumchain.admin.user=beheer",
            "asylumchain.admin.password=" + FirstAdministratorTest.PASSWORD
        })
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    static final String PASSWORD = "Lang-en-geheim-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    FirstAdministrator firstAdministrator;

    @Test
    void firstAdministratorFromConfigurationIsInCamundaAdminAndCanLogIn() throws Exception {
        assertThat(identityService
                        .createUserQuery()
                        .userId("beheer")
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count())
                .isEqualTo(1);
        assertThat(identityService.checkPassword("beheer", PASSWORD)).isTrue();

        HttpResponse<String> users = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/engine-rest/user?memberOfGroup=camunda-admin"))
                                .header("Authorization", FrontDoorTest.basic("beheer", PASSWORD))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("\"id\":\"beheer\"");
    }

    @Test
    void aLaterStartKeepsThePasswordTheAdministratorChanged(CapturedOutput output) {
        var user = identityService.createUserQuery().userId("beheer").singleResult();
        user.setPassword("Zelf-gekozen-wachtwoord-9");
        identityService.saveUser(user);

        firstAdministrator.ensure();

        assertThat(identityService.checkPassword("beheer", "Zelf-gekozen-wachtwoord-9"))
                .isTrue();
        assertThat(identityService.createUserQuery().userId("beheer").count()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    @Test
    void anEmptyShortOrGuessablePasswordRefusesToStart() {
        assertThat(FirstAdministrator.weakness("", ""))
                .as("no administrator configured")
                .isNull();
        assertThat(FirstAdministrator.weakness("beheer", PASSWORD)).isNull();
        assertThat(FirstAdministrator.weakness("beheer", "")).contains("asylumchain.admin.password", "empty");
        assertThat(FirstAdministrator.weakness("beheer", "kort")).contains("at least 12");
        assertThat(FirstAdministrator.weakness("beheer", "beheer-beheer-1")).contains("user id");
        assertThat(FirstAdministrator.weakness("beheer", "aaaaaaaaaaaaaaaa")).contains("repeat");
        assertThat(FirstAdministrator.weakness("", PASSWORD)).contains("asylumchain.admin.user");
        assertThatThrownBy(() -> new FirstAdministrator(identityService, "beheer", "demo", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 12")
                .hasMessageNotContaining("demo");
        assertThatThrownBy(() -> new FirstAdministrator(identityService, "", "", "admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camunda.bpm.admin-user");
    }
}
