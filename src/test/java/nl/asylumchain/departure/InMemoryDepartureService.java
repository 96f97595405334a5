package nl.asylumchain.departure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The departure service for process path tests: the real rules and the engine's clock, the record kept in memory
 * (the SQL is covered by the integration test). Lets the real delegates run against the real model.
 */
public class InMemoryDepartureService extends DepartureService {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    public final List<String> milestones = new ArrayList<>();
    public final List<DepartureOutcome> outcomes = new ArrayList<>();
    public final List<DepartureRoute> interviewRoutes = new ArrayList<>();
    public final List<String> tracksRecorded = new ArrayList<>();
    /** SUSPENDED, RESUMED and ANNULLED, in the order the departure went through them. */
    public final List<String> suspensions = new ArrayList<>();

    private boolean dublin;
    private Instant acceptedOn;
    private TransferCircumstance circumstance = TransferCircumstance.NONE;
    private int missedInARow;
    private Instant detentionStartedAt;
    public String extensionReason;
    public boolean released;

    public InMemoryDepartureService() {
        super(null, DepartureRules.defaults(), null, null, null, null);
    }

    private static Instant now() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public HandOver handOver(
            UUID caseId,
            String indOutcome,
            String departurePeriod,
            Instant dublinAcceptedOn,
            Instant transferPeriodFrom) {
        if (!suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).equals("SUSPENDED")) {
            suspensions.add("RESUMED");
        }
        dublin = "DUBLIN_ACCEPTED".equals(indOutcome);
        acceptedOn = dublin
                ? (transferPeriodFrom != null
                        ? transferPeriodFrom
                        : dublinAcceptedOn == null ? now() : dublinAcceptedOn)
                : null;
        return new HandOver(
                rules().departurePeriodEnds(now(), departurePeriod, ZONE),
                dublin ? rules().transferDeadline(acceptedOn, TransferCircumstance.NONE, ZONE) : null,
                rules().missedReportLimit(dublin));
    }

    @Override
    public void recordInterview(
            UUID caseId,
            boolean willingToLeave,
            boolean travelDocumentPresent,
            boolean familyWithChildren,
            DepartureRoute route) {
        interviewRoutes.add(route);
    }

    @Override
    public Instant extendTransferDeadline(UUID caseId, TransferCircumstance next) {
        circumstance = DepartureRules.longer(circumstance, next);
        return rules().transferDeadline(acceptedOn, circumstance, ZONE);
    }

    @Override
    public Instant planTransfer(UUID caseId, LocalDate transferDate) {
        return rules().transferReportBy(transferDate, ZONE);
    }

    @Override
    public int recordReport(UUID caseId, boolean reported) {
        missedInARow = reported ? 0 : missedInARow + 1;
        return missedInARow;
    }

    @Override
    public void endVblStay(UUID caseId) {
        milestones.add("VBL_STAY_ENDED");
    }

    @Override
    public Instant startDetention(UUID caseId, String ground) {
        detentionStartedAt = now();
        return rules().detentionEnds(detentionStartedAt, false, ZONE);
    }

    @Override
    public Instant extendDetention(UUID caseId, String reason) {
        extensionReason = reason;
        return rules().detentionEnds(detentionStartedAt, true, ZONE);
    }

    @Override
    public void releaseFromDetention(UUID caseId) {
        released = true;
    }

    @Override
    public void assumeResponsibility(UUID caseId) {
        tracksRecorded.add("4:" + DUBLIN_TRANSFER_DEADLINE_PASSED);
    }

    @Override
    public boolean dublinClaimant(UUID caseId) {
        return dublin;
    }

    @Override
    public void close(UUID caseId, DepartureOutcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void suspend(UUID caseId) {
        suspensions.add("SUSPENDED");
    }

    @Override
    public void closeAfterAnnulment(UUID caseId) {
        suspensions.add("ANNULLED");
    }
}
