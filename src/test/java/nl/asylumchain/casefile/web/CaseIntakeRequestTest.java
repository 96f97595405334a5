package nl.asylumchain.casefile.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;
import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseStatus;
import nl.asylumchain.casefile.RegisteredCase;
import nl.asylumchain.platform.ApiWebSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The intake's request rules, on the web layer alone: JSON read strictly (what a lenient reader would guess at, a
 * duplicate key, a number for a name, a day count for a date, is a 400 naming the field) and the bean-validation
 * rules of {@code NewCase}. A refused request never reaches the case file. Rules that need the case file (dates
 * against each other, idempotency) are in {@link CaseIntakeApiTest}; what needs a real server (raw header bytes,
 * body size) in {@link StrictInputApiTest}.
 */
@WebMvcTest(CaseController.class)
@Import(ApiWebSlice.class)
// security is the platform's (SecurityConfiguration, tested over HTTP); here the user is on the request
@AutoConfigureMockMvc(addFilters = false)
class CaseIntakeRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseIntake intake;

    @MockitoBean
    CaseFiles caseFiles;

    @MockitoBean
    AccessLog accessLog;

    // --- strict JSON ----------------------------------------------------------------------------------------------

    @Test
    void duplicateTopLevelKeyIsRefusedNamingTheKey() throws Exception {
        String body = JSON.writeValueAsString(ChainClient.application());
        assertRefused(body.replaceFirst("\\{", "{\"applicationType\":\"REPEAT\","), "applicationType");
    }

    @Test
    void numberAsFamilyNameIsRefused() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("familyName", 42), "person.familyName");
    }

    @Test
    void numberAsBirthDateIsNotReadAsADayCount() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", 123), "person.birthDate");
    }

    @Test
    void dateTimeAsBirthDateIsRefused() throws Exception {
        assertRefused(
                a -> ChainClient.section(a, "person").put("birthDate", "1994-03-12T10:00:00"), "person.birthDate");
    }

    @Test
    void numberAsSexIsNotReadAsAnEnumPosition() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("sex", 1), "person.sex");
    }

    @Test
    void numberAsBooleanIsRefused() throws Exception {
        assertRefused(a -> a.put("temporaryProtectionUkraine", 1), "temporaryProtectionUkraine");
        assertRefused(a -> a.put("unaccompaniedMinor", "true"), "unaccompaniedMinor");
    }

    @Test
    void textAsReturnedAfterDublinIsRefusedAsNotABoolean() throws Exception {
        JsonNode errors = assertRefused(a -> a.put("returnedAfterDublin", "yes"), "returnedAfterDublin");
        // a known field of the wrong type, not an unknown one
        assertThat(errors.get(0).path("message").asText()).isEqualTo("must be true or false");
    }

    @Test
    void nullForABooleanIsRefusedWhileLeavingItOutMeansNo() throws Exception {
        assertRefused(a -> a.put("unaccompaniedMinor", null), "unaccompaniedMinor");
        Map<String, Object> without = ChainClient.application();
        without.remove("unaccompaniedMinor");
        assertThat(register(JSON.writeValueAsString(without)).getStatus()).isEqualTo(201);
    }

    @Test
    void dateBefore1900IsRefused() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", "1899-12-31"), "person.birthDate");
    }

    @Test
    void nulInANameIsRefused() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("familyName", "Had\u0000dad"), "person.familyName");
    }

    @Test
    void digitsInANameAreRefused() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("givenNames", "Amal2"), "person.givenNames");
    }

    @Test
    void namesWithDiacriticsSpacesHyphensAndApostrophesAreAccepted() throws Exception {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("familyName", "Ñúñez-O'Brien van der Berg");
        ChainClient.section(application, "person").put("givenNames", "Zoë Ångström N’Diaye");
        MockHttpServletResponse response = register(JSON.writeValueAsString(application));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    }

    @Test
    void multipartBodyIsAnUnsupportedMediaType() throws Exception {
        for (String body : List.of(
                "--xyz\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\nHaddad\r\n--xyz--\r\n",
                "--xyz\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\nHaddad",
                "not multipart at all")) {
            MockHttpServletResponse response = mvc.perform(post("/api/cases")
                            .principal(AGENT)
                            .contentType("multipart/form-data; boundary=xyz")
                            .content(body))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(body).isEqualTo(415);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        verifyNoInteractions(intake, caseFiles, accessLog);
    }

    // --- the rules of NewCase -------------------------------------------------------------------------------------

    @Test
    void personIsRequired() throws Exception {
        assertRefused(a -> a.remove("person"), "person");
    }

    @Test
    void familyNameMustNotBeBlank() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("familyName", "  "), "person.familyName");
    }

    @Test
    void birthDateMustBeADate() throws Exception {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", "12-03-1994"), "person.birthDate");
    }

    @Test
    void applicationTypeMustBeKnown() throws Exception {
        assertRefused(a -> a.put("applicationType", "SECOND"), "applicationType");
        assertRefused(a -> a.remove("applicationType"), "applicationType");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() throws Exception {
        assertRefused(a -> a.put("unaccompaniedMinor", "perhaps"), "unaccompaniedMinor");
        assertRefused(a -> a.put("person", "Haddad"), "person");
        assertRefused(a -> a.put("nickname", "Amal"), "nickname");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        MockHttpServletResponse response = register("{\"person\": {");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.getContentAsString()).path("errors")).hasSize(1);
        verifyNoInteractions(intake, caseFiles, accessLog);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** An intake user as the platform's security hands it to the controller. */
    private static final UsernamePasswordAuthenticationToken AGENT = UsernamePasswordAuthenticationToken.authenticated(
            "agent", null, List.of(new SimpleGrantedAuthority("police-avim")));

    private MockHttpServletResponse register(String body) throws Exception {
        when(intake.register(any(), any()))
                .thenReturn(new RegisteredCase(UUID.randomUUID(), "1234567890", CaseStatus.IN_REGISTRATION, true));
        return mvc.perform(post("/api/cases")
                        .principal(AGENT)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private JsonNode assertRefused(Consumer<Map<String, Object>> change, String field) throws Exception {
        Map<String, Object> application = ChainClient.application();
        change.accept(application);
        return assertRefused(JSON.writeValueAsString(application), field);
    }

    /** 400 problem+json naming exactly this field, and the case file never asked to register anything. */
    private JsonNode assertRefused(String body, String field) throws Exception {
        MockHttpServletResponse response = register(body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode errors = JSON.readTree(response.getContentAsString()).path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly(field);
        assertThat(errors.get(0).path("message").asText()).isNotBlank();
        verifyNoInteractions(accessLog);
        org.mockito.Mockito.verify(intake, org.mockito.Mockito.never()).register(any(), any());
        return errors;
    }
}
