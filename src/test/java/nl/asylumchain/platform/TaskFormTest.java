package nl.asylumchain.platform;

import java.io.File;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's second look at a submitted task form: the rules come from the deployed .form files themselves. */
class TaskFormTest {

    private final Map<String, TaskForm> forms =
            TaskFormChecks.load(new PathMatchingResourcePatternResolver(), new ObjectMapper());

    @Test
    void everyFormInTheModelsIsLoadedByItsId() {
        String[] files = new File("bpmn/forms").list((dir, name) -> name.endsWith(".form"));
        assertThat(files).isNotEmpty();
        for (String file : files) {
            assertThat(forms).containsKey(file.replace(".form", ""));
        }
    }

    @Test
    void aRequiredChoiceMustBeMadeAndBeOneOfTheOptions() {
        TaskForm assess = forms.get("assessApplication");

        assertThat(assess.check(Map.of("decisionReason", "")::get))
                .containsExactly(new FieldError("decisionOutcome", "is required"));
        assertThat(assess.check(Map.of("decisionOutcome", "MAYBE")::get))
                .extracting(FieldError::field)
                .containsExactly("decisionOutcome");
        assertThat(assess.check(Map.of("decisionOutcome", "EXTEND", "vaReason", "ILLNESS")::get))
                .isEmpty();
    }

    @Test
    void aReferralToTheVaNeedsItsReasonWhileAnyOtherAssessmentDoesNot() {
        TaskForm assess = forms.get("assessApplication");
        Map<String, Object> referral =
                new java.util.HashMap<>(Map.of("decisionOutcome", "EXTEND", "decisionReason", ""));

        assertThat(assess.check(referral::get))
                .containsExactly(new FieldError("vaReason", "is required when decisionOutcome is EXTEND"));
        referral.put("vaReason", " ");
        assertThat(assess.check(referral::get)).extracting(FieldError::field).containsExactly("vaReason");
        referral.put("vaReason", "SOMETHING_ELSE");
        assertThat(assess.check(referral::get)).extracting(FieldError::field).containsExactly("vaReason");
        referral.put("vaReason", "FAMILY_IN_VA");
        assertThat(assess.check(referral::get)).isEmpty();
        for (String other : new String[] {"GRANT", "REJECT", "EXTEND_AA"}) {
            assertThat(assess.check(Map.of("decisionOutcome", other)::get))
                    .as(other)
                    .isEmpty();
        }
    }

    @Test
    void patternsAndDatesAreCheckedButAnEmptyOptionalFieldIsFine() {
        assertThat(forms.get("identifyAndRegister")
                        .check(Map.of(
                                "applicationSignedOn",
                                "2026-11-28",
                                "eurodacHitMemberState",
                                "",
                                "visaMemberState",
                                "Duitsland")::get))
                .containsExactly(new FieldError("visaMemberState", "must match ^[A-Z]{2}$"));
        assertThat(forms.get("linkMunicipality").check(Map.of("municipalityCode", "GM0363")::get))
                .isEmpty();
        assertThat(forms.get("confirmMove").check(Map.of("moveDate", "1 maart")::get))
                .containsExactly(new FieldError("moveDate", "must be a date (yyyy-MM-dd)"));
        assertThat(forms.get("confirmMove").check(Map.of("moveDate", "2026-11-28")::get))
                .isEmpty();
    }

    @Test
    void readOnlyContextAndFieldsTheFormMayHideAreNotDemanded() {
        assertThat(forms.get("linkMunicipality").fields())
                .extracting(TaskForm.Field::key)
                .doesNotContain("proposedMunicipality", "regionalProposals");
        assertThat(forms.get("reviewDetention").check(Map.of("extendDetention", false)::get))
                .isEmpty();
    }

    @Test
    void aVariableOffTheFormOrAChangedReadOnlyFieldIsNotTheTasksToWrite() {
        TaskForm offer = forms.get("offerHousing");
        Map<String, Object> current = Map.of("municipalityName", "Amsterdam", "caseId", "c-1");

        assertThat(offer.foreign(Map.of("housingKind", "HOME", "addressNotes", ""), current::get))
                .isEmpty();
        assertThat(offer.foreign(Map.of("housingKind", "HOME", "municipalityName", "Amsterdam"), current::get))
                .as("a read-only field sent back as shown")
                .isEmpty();
        assertThat(offer.foreign(Map.of("caseId", "c-2"), current::get))
                .containsExactly(new FieldError("caseId", "is not a field of form offerHousing"));
        assertThat(offer.foreign(Map.of("municipalityName", "Utrecht"), current::get))
                .containsExactly(new FieldError("municipalityName", "is read-only on form offerHousing"));
    }

    @Test
    void anObjectIsNoFormAnswerEvenForAFieldOfTheForm() {
        TaskForm offer = forms.get("offerHousing");
        Map<String, Object> current = Map.of("municipalityName", "Amsterdam");
        // as the engine REST API hands it over: typed, serialized, never deserialized
        VariableMap submitted = Variables.createVariables()
                .putValueTyped(
                        "addressNotes", Variables.serializedObjectValue("M").create())
                .putValueTyped(
                        "municipalityName",
                        Variables.serializedObjectValue("Amsterdam").create());

        assertThat(offer.foreign(submitted, current::get))
                .containsExactly(
                        new FieldError("addressNotes", "must be a plain value (text, number, true/false or date)"),
                        new FieldError("municipalityName", "must be a plain value (text, number, true/false or date)"));
    }
}
