package nl.asylumchain.demo.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import nl.asylumchain.platform.FormSchema;
import nl.asylumchain.platform.FormSchema.Field;

/**
 * Fills in a Camunda Form the way a handler plausibly would: realistic choices for the fields the chain routes on
 * (decision outcome, Eurodac hit, departure outcome ...), and for any other field what its type and validation
 * allow. A form with a required field it cannot fill sensibly (e.g. a pattern it does not know) gets no answer:
 * the traffic leaves that task alone.
 */
final class FormAnswers {

    /** The shares of realistic outcomes; defaults follow the letter's orders of magnitude. */
    record Shares(
            double grant,
            double dublinHit,
            double safeCountryRoute,
            double reunificationGranted,
            double housingOffered,
            double extendedProcedure) {}

    private static final List<String> MEMBER_STATES = List.of("DE", "IT", "GR", "ES", "BE", "AT", "PL");
    private static final List<String> MUNICIPALITIES =
            List.of("GM0363", "GM0599", "GM0518", "GM0344", "GM0014", "GM0772", "GM0855", "GM0193", "GM0080", "GM0268");

    private final RandomGenerator random;
    private final Shares shares;
    private final LocalDate today;
    private final Function<String, Object> caseVariable;

    /** {@code caseVariable} reads a variable of the task's process, for answers that depend on the case. */
    FormAnswers(RandomGenerator random, Shares shares, LocalDate today, Function<String, Object> caseVariable) {
        this.random = random;
        this.shares = shares;
        this.today = today;
        this.caseVariable = caseVariable;
    }

    /** The variables to complete a task with this form, or empty when the form asks what we cannot answer. */
    Optional<Map<String, Object>> answer(FormSchema form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (!field.input()) {
                continue; // a value the form only shows, or a group of fields: nothing to fill
            }
            Optional<Object> value = known(field).or(() -> byType(field));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            variables.put(field.key(), value.get());
        }
        return Optional.of(variables);
    }

    /** Realistic answers for the fields the chain routes on. */
    private Optional<Object> known(Field field) {
        Object value = switch (field.key()) {
            case "identityEstablished" -> chance(0.9);
            case "documentsPresent" -> chance(0.6);
            case "eurodacHitMemberState" -> chance(shares.dublinHit()) ? pick(MEMBER_STATES) : "";
            case "visaMemberState" -> "";
            case "protectionInMemberState" -> chance(shares.safeCountryRoute()) ? pick(MEMBER_STATES) : "";
            case "medicalConcerns" -> chance(0.08);
            case "familyInVa" -> chance(0.03);
            // nearly every spouse or partner in nareis was one before the sponsor fled (else: refused by the DMN)
            case "relationBeforeEntry" -> chance(0.95);
            case "claimType" -> chance(0.8) ? "TAKE_BACK" : "TAKE_CHARGE";
            case "requestedMemberState" -> memberStateOfHit();
            case "interpreterPresent" -> true;
            case "decisionOutcome" -> decisionOutcome(field);
            case "municipalityCode" -> pick(MUNICIPALITIES);
            case "housingOffered" -> chance(shares.housingOffered());
            case "moveDate" -> today.toString();
            case "reunificationOutcome" -> chance(shares.reunificationGranted()) ? "GRANT" : "REJECT";
            case "evidenceType" -> chance(0.7) ? "DOCUMENTS" : chance(0.5) ? "DNA" : "INTERVIEW";
            case "willingToLeave" -> chance(0.4);
            case "travelDocumentPresent" -> chance(0.5);
            case "departureOutcome" -> departureOutcome();
            // the departure route tasks: most people leave within the rhythm of the interviews
            case "departed", "transferCompleted" -> chance(0.7);
            case "proposeDetention" -> chance(0.1);
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    /**
     * Where the form offers it (the assessment) and the case is not in the VA yet, a share of the cases is referred
     * to the extended procedure; otherwise granted or rejected by the grant share.
     */
    private Object decisionOutcome(Field field) {
        boolean offersVa = field.options().contains("EXTEND");
        if (offersVa && !"VA".equals(caseVariable.apply("procedure")) && chance(shares.extendedProcedure())) {
            return "EXTEND";
        }
        return chance(shares.grant()) ? "GRANT" : "REJECT";
    }

    private Object memberStateOfHit() {
        Object hit = caseVariable.apply("eurodacHitMemberState");
        return hit instanceof String state && state.matches("[A-Z]{2}") ? state : pick(MEMBER_STATES);
    }

    private Object departureOutcome() {
        if ("DUBLIN_ACCEPTED".equals(caseVariable.apply("indOutcome"))) {
            return chance(0.7) ? "TRANSFERRED_DUBLIN" : "LEFT_WITHOUT_SUPERVISION";
        }
        double roll = random.nextDouble();
        return roll < 0.4 ? "DEPARTED_INDEPENDENTLY" : roll < 0.6 ? "DEPARTED_FORCED" : "LEFT_WITHOUT_SUPERVISION";
    }

    /** Any other field: what its type and validation allow, without inventing what a pattern demands. */
    private Optional<Object> byType(Field field) {
        Object defaultValue = field.defaultValue();
        switch (field.type()) {
            case "checkbox":
                return Optional.of(defaultValue instanceof Boolean checked ? checked : chance(0.5));
            case "select":
            case "radio": {
                if (field.options().isEmpty()) {
                    return Optional.empty(); // values from a variable or an input: unknown here
                }
                return Optional.of(pick(field.options()));
            }
            case "number": {
                if (field.min() != null) {
                    return Optional.of(field.min());
                }
                return Optional.of(defaultValue instanceof Number number ? number.intValue() : 0);
            }
            case "datetime":
                return Optional.of(today.toString());
            case "textfield":
            case "textarea": {
                if (!field.required()) {
                    return Optional.of(defaultValue instanceof String text ? text : "");
                }
                if (field.pattern() != null || field.validationType() != null) {
                    return Optional.empty();
                }
                return Optional.of("Demo");
            }
            default:
                return field.required() ? Optional.empty() : Optional.of("");
        }
    }

    private boolean chance(double share) {
        return random.nextDouble() < share;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
