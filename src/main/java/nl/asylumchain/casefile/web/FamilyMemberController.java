package nl.asylumchain.casefile.web;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.platform.ConcurrentUpdates;
import nl.asylumchain.platform.Groups;

/**
 * A family member abroad reported after intake: {@code {"relation": "CHILD", "birthDate": "2015-04-01"}}. Before
 * the permit the case file just records them; with a permit their family reunification starts at once.
 */
@RestController
class FamilyMemberController {

    /** The groups that may report a family member, as the annotation below says; named in the access log. */
    static final Set<String> REPORTING_GROUPS = Set.of(
            Groups.IND_REGISTRATION, Groups.IND_DECISION, Groups.IND_REUNIFICATION, Groups.COA, Groups.CAMUNDA_ADMIN);

    private final CaseIntake caseFile;
    private final AccessLog accessLog;
    private final ConcurrentUpdates concurrentUpdates;

    FamilyMemberController(CaseIntake caseFile, AccessLog accessLog, ConcurrentUpdates concurrentUpdates) {
        this.caseFile = caseFile;
        this.accessLog = accessLog;
        this.concurrentUpdates = concurrentUpdates;
    }

    @PostMapping("/api/cases/{caseId}/family-members")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_REGISTRATION, T(nl.asylumchain.platform.Groups).IND_DECISION, T(nl.asylumchain.platform.Groups).IND_REUNIFICATION, T(nl.asylumchain.platform.Groups).COA, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    ResponseEntity<FamilyMember> add(
            @PathVariable UUID caseId,
            @Valid @RequestBody NewCase.FamilyMemberAbroad member,
            Authentication user,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        // parallel additions to one case collide on its process variable; a repeat counts the members afresh (each
        // attempt its own transaction, the access-log row with it)
        FamilyMember added = concurrentUpdates.retry(
                "adding a family member to case " + caseId,
                () -> accessLog.change(
                        Accessor.of(user, taskId),
                        REPORTING_GROUPS,
                        caseId,
                        "familyMembersAbroad: added",
                        () -> caseFile.addFamilyMember(caseId, member)));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(added);
    }
}
