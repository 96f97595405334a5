package nl.asylumchain.housing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ReceptionHousingTestContext;
import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.housing.persistence.HousingRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The taakstelling over the API and the housing steps that count for it: pro-rata split, carry-over of shortfalls
 * and surpluses, the proposal with the largest open share, moving out counted once. Each test uses its own years.
 */
@ReceptionHousingTestContext
class HousingQuotaTest {

    @Autowired
    QuotaService quotas;

    @Autowired
    HousingService housing;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseProgress progress;

    @Autowired
    MunicipalityCatalogue municipalities;

    @Autowired
    HousingMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    HousingRepository repository;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ChainClient client;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void today(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0)
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toInstant()));
    }

    private UUID permitHolder() {
        LocalDate day = ClockUtil.now()
                .toInstant()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toLocalDate();
        UUID caseId = intake.register(
                        new NewCase(
                                new NewCase.Person("Test", "Persoon", day.minusYears(30), Sex.M, "ERI"),
                                ApplicationType.FIRST,
                                new NewCase.Arrival(ArrivalLocation.TER_APEL, day),
                                false,
                                false,
                                false,
                                List.of()),
                        null)
                .caseId();
        progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
        return caseId;
    }

    private JsonNode put(int year, String half, int total) {
        ChainClient.Response response = put("/api/housing/quota/" + year + "/" + half, "coa", Map.of("total", total));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    /** ChainClient has no PUT; the same request with the same credentials. */
    private ChainClient.Response put(String path, String user, Map<String, Object> body) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header(
                            "Authorization",
                            "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString((user + ":" + ChainClient.PASSWORD)
                                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build();
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body());
            return new ChainClient.Response(response.statusCode(), null, null, json);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.path("municipalities")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    @Test
    void theNationalNumberIsSplitProRataPopulationAndAddsUpExactly() {
        JsonNode report = put(2040, "I", 18750);

        assertThat(report.path("halfYear").asText()).isEqualTo("2040-I");
        assertThat(report.path("total").asInt()).isEqualTo(18750);
        int sum = 0;
        for (JsonNode row : report.path("municipalities")) {
            sum += row.path("quota").asInt();
            assertThat(row.path("carriedOver").asLong()).isZero();
        }
        assertThat(sum).isEqualTo(18750);
        assertThat(report.path("municipalities")).hasSize(municipalities.all().size());
        // Amsterdam is about 918,000 of the list's ~10.8 million inhabitants
        assertThat(row(report, "GM0363").path("quota").asInt())
                .isGreaterThan(row(report, "GM0599").path("quota").asInt());
        assertThat(report.path("provinces")).hasSize(12);
        assertThat(client.get("/api/housing/quota/2040/I", "gemeente")
                        .body()
                        .path("total")
                        .asInt())
                .isEqualTo(18750);
    }

    @Test
    void onlyCoaOrAnAdministratorSetsTheTaakstellingAndBadInputNamesTheField() {
        assertThat(put("/api/housing/quota/2041/I", "gemeente", Map.of("total", 10))
                        .status())
                .isEqualTo(403);
        assertThat(put("/api/housing/quota/2041/I", "demo", Map.of("total", 10)).status())
                .isEqualTo(200);
        ChainClient.Response badHalf = put("/api/housing/quota/2041/III", "coa", Map.of("total", 10));
        assertThat(badHalf.status()).isEqualTo(400);
        assertThat(badHalf.body().path("errors").get(0).path("field").asText()).isEqualTo("half");
        ChainClient.Response negative = put("/api/housing/quota/2041/II", "coa", Map.of("total", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("errors").get(0).path("field").asText()).isEqualTo("total");
        assertThat(client.get("/api/housing/quota/2041/II", "coa").status()).isEqualTo(404);
    }

    @Test
    void whatAMunicipalityDidNotHouseCarriesOverAndWhatItHousedBeyondItsTargetIsSubtracted() {
        today(2031, 3, 3);
        JsonNode first = put(2031, "I", 1000);
        int amsterdam = row(first, "GM0363").path("quota").asInt();
        int westerwolde = row(first, "GM1950").path("quota").asInt();
        // two people housed in Amsterdam in 2031-I; in Westerwolde four, beyond its small quota
        for (int i = 0; i < 2; i++) {
            UUID caseId = permitHolder();
            housing.start(caseId);
            housing.link(caseId, "GM0363", "werk in Amsterdam");
            housing.house(caseId, null);
        }
        for (int i = 0; i < westerwolde + 4; i++) {
            UUID caseId = permitHolder();
            housing.start(caseId);
            housing.link(caseId, "GM1950", "dicht bij familie");
            housing.house(caseId, null);
        }
        JsonNode firstAfter = client.get("/api/housing/quota/2031/I", "coa").body();
        assertThat(row(firstAfter, "GM0363").path("linked").asInt()).isEqualTo(2);
        assertThat(row(firstAfter, "GM0363").path("housed").asInt()).isEqualTo(2);
        assertThat(row(firstAfter, "GM0363").path("open").asInt()).isEqualTo(amsterdam - 2);

        today(2031, 8, 1);
        JsonNode second = put(2031, "II", 500);

        assertThat(row(second, "GM0363").path("carriedOver").asInt()).isEqualTo(amsterdam - 2);
        assertThat(row(second, "GM0363").path("target").asInt())
                .isEqualTo(row(second, "GM0363").path("quota").asInt() + amsterdam - 2);
        assertThat(row(second, "GM1950").path("carriedOver").asInt()).isEqualTo(-4);
        assertThat(second.path("carriedOver").asInt()).isEqualTo(1000 - 2 - westerwolde - 4);
        assertThat(row(second, "GM0363").path("housed").asInt()).isZero();

        // carry-over keeps going: nothing housed in 2031-II, so 2032-I inherits the whole 2031-II target
        today(2032, 2, 1);
        JsonNode third = put(2032, "I", 0);
        assertThat(row(third, "GM0363").path("carriedOver").asInt())
                .isEqualTo(row(second, "GM0363").path("target").asInt());
    }

    @Test
    void theProposalIsTheMunicipalityWithTheLargestOpenShareOfItsTargetAndAnotherChoiceNeedsAReason() {
        today(2033, 2, 3);
        assertThat(housing.start(permitHolder()).municipality()).isEmpty();
        put(2033, "I", 100);
        // every municipality has all its target open: the largest open number wins the tie
        UUID first = permitHolder();
        HousingService.LinkProposal proposal = housing.start(first);
        assertThat(proposal.municipality()).map(Municipality::code).contains("GM0363");
        assertThat(proposal.perProvince().lines()).hasSize(12);
        housing.link(first, "GM0363", null);

        // Amsterdam has fewer than all its places open now; every other municipality with a quota has all
        UUID second = permitHolder();
        assertThat(housing.start(second).municipality()).map(Municipality::code).contains("GM0599");
        assertThatThrownBy(() -> housing.link(second, "GM0014", " ")).hasMessageContaining("reason");
        assertThatThrownBy(() -> housing.link(second, "GM9999", "omdat"))
                .hasMessageContaining("unknown municipality code");
        assertThat(housing.link(second, "GM0014", "studie in Groningen").name()).isEqualTo("Groningen");
    }

    @Test
    void aDoorstroomlocatieCountsForTheQuotaOnceAndTheLaterHomeDoesNotCountAgain() {
        today(2035, 9, 1);
        put(2035, "II", 200);
        double temporaryBefore = registry.get("asylum.permit.holders.housed")
                .tag("housing", "temporary")
                .counter()
                .count();
        double homeBefore = registry.get("asylum.permit.holders.housed")
                .tag("housing", "home")
                .counter()
                .count();
        long leadTimes = registry.get("asylum.housing.lead.time").timer().count();
        UUID caseId = permitHolder();
        housing.start(caseId);
        housing.link(caseId, "GM0363", null);
        housing.moveToTemporaryHousing(caseId, LocalDate.of(2035, 8, 30));
        today(2035, 12, 1);
        housing.house(caseId, LocalDate.of(2035, 12, 1));

        JsonNode report = client.get("/api/housing/quota/2035/II", "coa").body();
        assertThat(row(report, "GM0363").path("housed").asInt()).isEqualTo(1);
        assertThat(registry.get("asylum.permit.holders.housed")
                        .tag("housing", "temporary")
                        .counter()
                        .count())
                .isEqualTo(temporaryBefore + 1);
        assertThat(registry.get("asylum.permit.holders.housed")
                        .tag("housing", "home")
                        .counter()
                        .count())
                .isEqualTo(homeBefore + 1);
        assertThat(registry.get("asylum.housing.lead.time").timer().count()).isEqualTo(leadTimes + 1);
        JsonNode section = client.get("/api/cases/" + caseId, "coa").body().path("sections");
        assertThat(section.path("housing").path("housingKind").asText()).isEqualTo("TEMPORARY");
        assertThat(section.path("housing").path("temporaryUntil").asText()).isEqualTo("2036-09-01");
        assertThat(section.path("reception").path("inReception").asBoolean()).isFalse();
        assertThat(section.path("reception").path("moves")).hasSize(3);
    }

    /**
     * The people housed per municipality and half-year are kept as they move (not counted from every move of the
     * half-year at each proposal): equal to the count from the moves, for a move before the taakstelling was set too,
     * once per person, and counted again at start-up where a count is missing (rows from before it was kept).
     */
    @Test
    void theHousedKeptPerMunicipalityEqualTheMovesCountedAlsoForMovesBeforeTheTaakstellingWasSet() {
        today(2037, 2, 2);
        UUID early = permitHolder();
        housing.start(early);
        housing.link(early, "GM0363", "werk in Amsterdam");
        housing.house(early, null);
        put(2037, "I", 300);
        UUID later = permitHolder();
        // the early move counts toward Amsterdam's target already: Rotterdam is proposed now
        assertThat(housing.start(later).municipality()).map(Municipality::code).contains("GM0599");
        housing.link(later, "GM0363", "werk in Amsterdam");
        housing.moveToTemporaryHousing(later, LocalDate.of(2037, 2, 1));
        housing.house(later, LocalDate.of(2037, 2, 2));
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        HalfYear half = new HalfYear(2037, 1);

        Map<String, Long> kept = repository.housedIn(2037, 1, half.start(zone), half.end(zone));
        assertThat(kept)
                .containsEntry("GM0363", 2L)
                .isEqualTo(repository.housedBetween(half.start(zone), half.end(zone)));

        jdbc.sql("update municipality_quotas set housed = null where quota_year = 2037")
                .update();
        assertThat(repository.halfYearsNotCounted()).anyMatch(h -> h[0] == 2037 && h[1] == 1);
        assertThat(repository.housedIn(2037, 1, half.start(zone), half.end(zone)))
                .as("counted from the moves while not kept")
                .isEqualTo(kept);
        quotas.countHousedWhereNotCounted();
        assertThat(repository.halfYearsNotCounted()).noneMatch(h -> h[0] == 2037);
        assertThat(repository.housedIn(2037, 1, half.start(zone), half.end(zone)))
                .isEqualTo(kept);
    }

    @Test
    void aLateStepIsCountedByStepAndShownOnTheCase() {
        double before = registry.get("asylum.housing.steps.late")
                .tag("step", "offer")
                .counter()
                .count();
        UUID caseId = permitHolder();
        housing.start(caseId);
        housing.recordLate(caseId, HousingStep.OFFER);
        assertThat(registry.get("asylum.housing.steps.late")
                        .tag("step", "offer")
                        .counter()
                        .count())
                .isEqualTo(before + 1);
        assertThat(registry.get("asylum.housing.steps.late").tag("step", "link").counter())
                .isNotNull();
        assertThat(client.get("/api/cases/" + caseId, "coa")
                        .body()
                        .path("sections")
                        .path("housing")
                        .path("lateSteps")
                        .get(0)
                        .asText())
                .isEqualTo("OFFER");
    }

    @Test
    void theQuotaGaugesShowTheCurrentHalfYearPerProvince() {
        today(2037, 4, 1);
        JsonNode report = put(2037, "I", 1200);
        metrics.refresh();
        long noordHolland = 0;
        for (JsonNode province : report.path("provinces")) {
            if (province.path("province").asText().equals("Noord-Holland")) {
                noordHolland = province.path("target").asLong();
            }
        }
        assertThat(noordHolland).isPositive();
        assertThat(registry.get("asylum.housing.quota.target")
                        .tag("province", "noord_holland")
                        .gauge()
                        .value())
                .isEqualTo(noordHolland);
        assertThat(registry.get("asylum.housing.quota.housed")
                        .tag("province", "fryslan")
                        .gauge()
                        .value())
                .isZero();
    }
}
