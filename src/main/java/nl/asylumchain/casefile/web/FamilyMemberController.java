package nl.asylumchain.casefile.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.platform.ConcurrentUpdates;

/**
 * A family member abroad reported after intake: {@code {"relation": "CHILD", "birthDate": "2015-04-01"}}. Before
 * the permit the case file just records them; with a permit their family reunification starts at once.
 */
@RestController
class FamilyMemberController {

    private final CaseFileService caseFile;
    private final ConcurrentUpdates concurrentUpdates;

    FamilyMemberController(CaseFileService caseFile, ConcurrentUpdates concurrentUpdates) {
        this.caseFile = caseFile;
        this.concurrentUpdates = concurrentUpdates;
    }

    @PostMapping("/api/cases/{caseId}/family-members")
    @PreAuthorize("hasAnyAuthority('ind-registration', 'ind-decision', 'ind-reunification', 'coa', 'camunda-admin')")
    ResponseEntity<FamilyMember> add(@PathVariable UUID caseId, @Valid @RequestBody NewCase.FamilyMemberAbroad member) {
        // parallel additions to one case collide on its process variable; a repeat counts the members afresh
        FamilyMember added = concurrentUpdates.retry("adding a family member to case " + caseId,
                () -> caseFile.addFamilyMember(caseId, member));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .body(added);
    }
}
