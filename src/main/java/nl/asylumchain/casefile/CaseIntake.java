package nl.asylumchain.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.ChainProcesses.ChainStart;
import nl.asylumchain.casefile.persistence.CaseRecord;
import nl.asylumchain.casefile.persistence.CaseRepository;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;
import nl.asylumchain.platform.RowIds;

/**
 * Opens case files: a person who reports at intake (aanmelding; the application is signed later, at I&R) (with the idempotency of a repeated request and the rules between
 * its dates), a family member who arrives through family reunification, and a family member abroad reported later.
 */
@Service
public class CaseIntake {

    /** Nobody applies at 130; a birth date that far back is a typing error. */
    static final int OLDEST_AGE = 130;

    private final CaseRepository cases;
    private final ChainProcesses chain;
    private final CaseProgress progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RowIds ids;

    CaseIntake(
            CaseRepository cases,
            ChainProcesses chain,
            CaseProgress progress,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager,
            RowIds ids) {
        this.cases = cases;
        this.chain = chain;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ids = ids;
    }

    /**
     * Registers a case and starts its chain in one transaction: either both the row and the process exist, or
     * neither. With an idempotency key, a repeat of the same request by the same user returns the first case and
     * starts nothing; the same key from another user registers that user's own case.
     */
    public RegisteredCase register(NewCase application, IdempotencyKey idempotencyKey) {
        try {
            return transactions.execute(status -> registerOnce(application, idempotencyKey));
        } catch (DuplicateKeyException raced) {
            // a parallel request of the same user with the same key won; its case is the first case
            return transactions
                    .execute(status -> earlierRegistration(idempotencyKey, hash(application)))
                    .orElseThrow(() -> raced);
        }
    }

    private RegisteredCase registerOnce(NewCase application, IdempotencyKey idempotencyKey) {
        String requestHash = hash(application);
        Optional<RegisteredCase> earlier = earlierRegistration(idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkDates(application);

        UUID caseId = ids.next();
        Instant now = clock.instant();
        NewCase.Person person = application.person();
        // the row starts in the registration stage; the main process's stage listener finds it there and leaves it
        RegisteredCase registered = insertCaseFile(caseId, application, null, now);
        if (idempotencyKey != null) {
            cases.insertIdempotencyKey(idempotencyKey.userId(), idempotencyKey.key(), caseId, requestHash, now);
        }
        chain.start(new ChainStart(
                caseId,
                application.applicationType().name(),
                application.arrival().location().name(),
                person.nationality(),
                application.unaccompaniedMinor(),
                application.temporaryProtectionUkraine(),
                application.returnedAfterDublin(),
                application.familyMembersAbroad().size(),
                application.arrival().date(),
                ageOn(person.birthDate(), application.arrival().date())));
        // reported (aangemeld): the application itself counts from its signature at I&R (CaseProgress)
        progress.reachMilestone(caseId, Milestone.REGISTERED);
        return registered;
    }

    /**
     * Opens the case file of a case that is placed in the chain part-way (a forecast's start stock or its "from now"
     * start, a national data set): the row, signed on {@code signedOn} (null: still to sign at I&amp;R), and its
     * family members abroad, with the same
     * checks as {@link #register}. It starts no process and reaches no milestone: the caller puts the case's process
     * where it stands (process-instance modification), and the stage's own model then records what that stage
     * records (a procedure started, a permit granted) and reception reacts to those milestones, as for any case.
     * REGISTERED is left out on purpose: it would put the person in the central reception location, where a case
     * past registration no longer is.
     */
    @Transactional
    public RegisteredCase openPlaced(UUID caseId, NewCase application, LocalDate signedOn) {
        checkDates(application);
        if (signedOn != null && signedOn.isBefore(application.arrival().date())) {
            throw new InvalidRequestException(
                    CaseProgress.APPLICATION_SIGNED_ON, "must not be before the arrival date");
        }
        return insertCaseFile(caseId, application, signedOn, clock.instant());
    }

    /** The case file's row, in the registration stage, and its family members abroad. */
    private RegisteredCase insertCaseFile(UUID caseId, NewCase application, LocalDate signedOn, Instant now) {
        String vNumber = cases.nextVNumber();
        NewCase.Person person = application.person();
        CaseStatus status = CaseStatus.of(Stage.REGISTRATION);
        cases.insert(new CaseRecord(
                caseId,
                vNumber,
                person.familyName().strip(),
                person.givenNames() == null ? null : person.givenNames().strip(),
                person.birthDate(),
                person.sex().name(),
                person.nationality(),
                application.applicationType().name(),
                application.arrival().location().name(),
                application.arrival().date(),
                signedOn,
                application.unaccompaniedMinor(),
                application.temporaryProtectionUkraine(),
                application.returnedAfterDublin(),
                status.name(),
                Stage.REGISTRATION.name(),
                null,
                null,
                null,
                null,
                now,
                now));
        for (NewCase.FamilyMemberAbroad member : application.familyMembersAbroad()) {
            cases.insertFamilyMember(ids.next(), caseId, member.relation().name(), member.birthDate());
        }
        return new RegisteredCase(caseId, vNumber, status, true);
    }

    private Optional<RegisteredCase> earlierRegistration(IdempotencyKey idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return cases.findByIdempotencyKey(idempotencyKey.userId(), idempotencyKey.key())
                .map(registration -> {
                    CaseRecord earlier = registration.caseRecord();
                    if (!registration.requestHash().equals(requestHash)) {
                        throw new InvalidRequestException(
                                "Idempotency-Key",
                                "was used before for a different application; use a new key for a new application");
                    }
                    return new RegisteredCase(
                            earlier.caseId(), earlier.vNumber(), CaseStatus.valueOf(earlier.status()), false);
                });
    }

    /** Rules between fields that the field annotations cannot see. */
    private void checkDates(NewCase application) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate birthDate = application.person().birthDate();
        LocalDate arrivalDate = application.arrival().date();
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isBefore(today.minusYears(OLDEST_AGE))) {
            errors.add(new FieldError("person.birthDate", "must be less than " + OLDEST_AGE + " years ago"));
        }
        if (arrivalDate.isBefore(birthDate)) {
            errors.add(new FieldError("arrival.date", "must not be before the birth date"));
        }
        if (application.unaccompaniedMinor() && ageOn(birthDate, arrivalDate) >= 18) {
            errors.add(new FieldError(
                    "unaccompaniedMinor", "an unaccompanied minor must be under 18 on the arrival date"));
        }
        if (application.applicationType() == ApplicationType.FAMILY_REUNIFICATION) {
            errors.add(
                    new FieldError(
                            "applicationType",
                            "must be FIRST, REPEAT or RESETTLEMENT; a family reunification case opens when the family member arrives"));
        }
        if (application.arrival().location() == ArrivalLocation.ZEVENAAR) {
            errors.add(new FieldError(
                    "arrival.location",
                    "must be TER_APEL, BUDEL or SCHIPHOL; IND Zevenaar receives only arriving family members"));
        }
        List<NewCase.FamilyMemberAbroad> family = application.familyMembersAbroad();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).birthDate().isBefore(today.minusYears(OLDEST_AGE))) {
                errors.add(new FieldError(
                        "familyMembersAbroad[" + i + "].birthDate", "must be less than " + OLDEST_AGE + " years ago"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Adds a family member abroad to an existing case (reported after intake). The main process, if it has not
     * yet passed the permit, sees the new count; a case with a permit starts their family reunification through
     * {@link FamilyMemberAdded}, which is published in this transaction.
     */
    @Transactional
    public FamilyMember addFamilyMember(UUID caseId, NewCase.FamilyMemberAbroad member) {
        if (!cases.exists(caseId)) {
            throw new NotFoundException("No case with id " + caseId);
        }
        if (member.birthDate().isBefore(LocalDate.now(clock).minusYears(OLDEST_AGE))) {
            throw new InvalidRequestException("birthDate", "must be less than " + OLDEST_AGE + " years ago");
        }
        UUID id = ids.next();
        // parallel additions would each count the members without the other's new row: one at a time per case
        cases.lock(caseId);
        cases.insertFamilyMember(id, caseId, member.relation().name(), member.birthDate());
        chain.familyMembersAbroadChanged(caseId, cases.familyMembers(caseId).size());
        events.publishEvent(new FamilyMemberAdded(caseId, id, member.relation()));
        return new FamilyMember(id, member.relation(), member.birthDate());
    }

    /**
     * Opens the case of a family member who arrived through family reunification: own case id and V-number, a
     * derived permit (status PERMIT_GRANTED), linked to the sponsor's case both ways, milestone REGISTERED so that
     * reception places them. Conflict when the family member already has a case.
     */
    @Transactional
    public RegisteredCase registerLinkedCase(NewLinkedCase arrival) {
        CaseRepository.FamilyMemberRecord member = cases.familyMember(arrival.sponsorCaseId(), arrival.familyMemberId())
                .orElseThrow(() -> new InvalidRequestException(
                        "familyMemberId", "is not a family member of case " + arrival.sponsorCaseId()));
        if (member.linkedCaseId() != null) {
            throw new ConflictException(
                    "Family member " + arrival.familyMemberId() + " already has case " + member.linkedCaseId());
        }
        UUID caseId = ids.next();
        Instant now = clock.instant();
        String vNumber = cases.nextVNumber();
        CaseStatus status = CaseStatus.PERMIT_GRANTED;
        cases.insert(new CaseRecord(
                caseId,
                vNumber,
                arrival.familyName().strip(),
                arrival.givenNames() == null ? null : arrival.givenNames().strip(),
                member.birthDate(),
                arrival.sex().name(),
                arrival.nationality(),
                ApplicationType.FAMILY_REUNIFICATION.name(),
                ArrivalLocation.ZEVENAAR.name(),
                LocalDate.now(clock),
                null,
                false,
                false,
                false,
                status.name(),
                Stage.FAMILY_REUNIFICATION.name(),
                null,
                null,
                null,
                null,
                now,
                now));
        cases.updateDecision(caseId, "PERMIT_GRANTED", now);
        if (!cases.linkFamilyMember(arrival.familyMemberId(), caseId, arrival.sponsorCaseId())) {
            throw new ConflictException("Family member " + arrival.familyMemberId() + " already has a case");
        }
        progress.reachMilestone(caseId, Milestone.REGISTERED);
        return new RegisteredCase(caseId, vNumber, status, true);
    }

    static int ageOn(LocalDate birthDate, LocalDate date) {
        return Math.max(0, Period.between(birthDate, date).getYears());
    }

    private static String hash(NewCase application) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(application.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
