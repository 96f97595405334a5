package nl.asylumchain.casefile;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A module's part of the case file as {@code GET /api/cases/{caseId}} shows it, under {@code sections.<name>}:
 * the decision deadline, the reception history, housing, family reunification, departure. Modules contribute
 * sections as beans, so the case file never depends on them.
 */
public interface CaseFileSection {

    /** The key under {@code sections}, e.g. {@code decision}. */
    String name();

    /** The section for this case, or empty when the module has nothing on it. Must be JSON-serialisable. */
    Optional<Object> of(UUID caseId);

    /**
     * The process keys whose steps and diagram belong to this section: the case view shows them to a reader who
     * sees the section ({@link NeedToKnow}), e.g. the housing process to the municipality.
     */
    default Set<String> processKeys() {
        return Set.of();
    }
}
