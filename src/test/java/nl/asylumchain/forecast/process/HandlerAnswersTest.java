package nl.asylumchain.forecast.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.asylumchain.forecast.Scenario;
import nl.asylumchain.forecast.ScenarioReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver reads only the variables a form's answers depend on ({@link HandlerAnswers#variablesFor}): for every
 * form of the chain, the answer from those variables alone is the answer from all the facts a form may follow, for
 * many cases, with facts that change the answers where they are read.
 */
class HandlerAnswersTest {

    private static final Map<String, Object> EVERY_FACT = Map.of(
            "caseId", "c",
            "procedure", "VA",
            "eurodacHitMemberState", "IT",
            "protectionInMemberState", "GR",
            "municipalityCode", "GM0014",
            "proposedPlacement", "NIDOS_FAMILY",
            "evidenceOutcome", "NOT_CONFIRMED",
            "indOutcome", "GRANTED");

    @Test
    void everyFormIsAnsweredFromItsOwnVariablesAsFromEveryFact() throws IOException {
        Scenario scenario = small();
        HandlerAnswers answers = new HandlerAnswers(scenario);
        List<String> forms;
        try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
            forms = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".form"))
                    .map(name -> name.substring(0, name.length() - ".form".length()))
                    .sorted()
                    .toList();
        }
        assertThat(forms).contains("assessApplication", "submitDublinClaim", "linkMunicipality");
        LocalDate today = LocalDate.of(2024, 3, 4);
        for (String form : forms) {
            Map<String, Object> own = new HashMap<>();
            HandlerAnswers.variablesFor(form).forEach(name -> own.put(name, EVERY_FACT.get(name)));
            assertThat(own).containsKey("caseId");
            for (long number = 1; number <= 200; number++) {
                Map<String, Object> fromOwn = answers.answer(form, draws(scenario, number), own, today);
                Map<String, Object> fromAll = answers.answer(form, draws(scenario, number), EVERY_FACT, today);
                assertThat(fromOwn).as(form + ", case " + number).isEqualTo(fromAll);
            }
        }
    }

    /** A form's variables matter: without them the answers of the forms that read facts change. */
    @Test
    void theFactsChangeTheAnswersOfTheFormsThatReadThem() {
        Scenario scenario = small();
        HandlerAnswers answers = new HandlerAnswers(scenario);
        LocalDate today = LocalDate.of(2024, 3, 4);
        for (String form : List.of("submitDublinClaim", "linkMunicipality", "appointGuardian")) {
            Map<String, Object> onlyCase = Map.of("caseId", "c");
            assertThat(answers.answer(form, draws(scenario, 1), onlyCase, today))
                    .as(form)
                    .isNotEqualTo(answers.answer(form, draws(scenario, 1), EVERY_FACT, today));
        }
    }

    private static Scenario small() {
        try (java.io.InputStream in =
                HandlerAnswersTest.class.getClassLoader().getResourceAsStream("forecast/small.yml")) {
            return ScenarioReader.parse(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CaseDraws draws(Scenario scenario, long number) {
        return new CaseDraws(scenario.seed(), number, scenario.nationalities().get(0));
    }
}
