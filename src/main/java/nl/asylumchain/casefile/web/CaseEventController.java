package nl.asylumchain.casefile.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.platform.ConcurrentUpdates;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.JsonFieldErrors;
import nl.asylumchain.platform.NotFoundException;

/**
 * Events from outside the chain: {@code {"type": "DUBLIN_REPLY", "accepted": true}}. Unknown type or bad field:
 * 400; a group that does not receive this type: 403; unknown case: 404; a case not waiting for it: 409. A
 * rejected event changes nothing.
 */
@RestController
class CaseEventController {

    private final Map<String, CaseEventType<?>> types;
    private final CaseFiles caseFile;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final CaseEventJournal journal;
    private final ConcurrentUpdates concurrentUpdates;

    CaseEventController(
            List<CaseEventType<?>> types,
            CaseFiles caseFile,
            ObjectMapper objectMapper,
            Validator validator,
            CaseEventJournal journal,
            ConcurrentUpdates concurrentUpdates) {
        this.journal = journal;
        this.concurrentUpdates = concurrentUpdates;
        this.types = types.stream()
                .collect(Collectors.toMap(
                        CaseEventType::type,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("Two case event types named " + a.type());
                        },
                        TreeMap::new));
        this.caseFile = caseFile;
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    record EventDelivered(UUID caseId, String type) {}

    @PostMapping("/api/cases/{caseId}/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventDelivered receive(
            @PathVariable UUID caseId,
            @RequestBody JsonNode event,
            Authentication sender,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        Accessor who = Accessor.of(sender, taskId);
        if (!(event instanceof ObjectNode body)) {
            throw new InvalidRequestException("", "an event is a JSON object with a type field");
        }
        CaseEventType<?> type = typeOf(body);
        Set<String> groups = sender.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!groups.contains(Groups.CAMUNDA_ADMIN)
                && type.senderGroups().stream().noneMatch(groups::contains)) {
            throw new AccessDeniedException(type.type() + " events come from " + type.senderGroups());
        }
        deliver(caseId, type, body.deepCopy().without("type"), who);
        return new EventDelivered(caseId, type.type());
    }

    private CaseEventType<?> typeOf(ObjectNode body) {
        JsonNode type = body.get("type");
        CaseEventType<?> known = type == null || !type.isTextual() ? null : types.get(type.asText());
        if (known == null) {
            throw new InvalidRequestException("type", "must be one of " + String.join(", ", types.keySet()));
        }
        return known;
    }

    private <P> void deliver(UUID caseId, CaseEventType<P> type, ObjectNode fields, Accessor sender) {
        P payload;
        try {
            payload = objectMapper.treeToValue(fields, type.payloadType());
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(JsonFieldErrors.describe(e)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(JsonFieldErrors.describe(e.getCause())));
        }
        List<FieldError> errors = new ArrayList<>();
        validator
                .validate(payload)
                .forEach(violation ->
                        errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidRequestException(errors);
        }
        if (!caseFile.exists(caseId)) {
            throw new NotFoundException("No case with id " + caseId);
        }
        P delivered = payload;
        Set<String> senderGroups = new java.util.TreeSet<>(type.senderGroups());
        senderGroups.add(Groups.CAMUNDA_ADMIN);
        // A parallel event on the same case makes the engine refuse one of them at commit. Delivering again reads
        // the case afresh: the event is then taken, or refused with 409 because the case has moved on.
        concurrentUpdates.retry(type.type() + " on case " + caseId, () -> {
            journal.deliverAndRecord(caseId, type.type(), sender, senderGroups, () -> type.deliver(caseId, delivered));
            return null;
        });
    }
}
