package nl.asylumchain.departure.process;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.departure.DepartureRoute;
import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.ProcessMessages;

/**
 * The events of return and departure on {@code POST /api/cases/{caseId}/events}. Each is a BPMN message of
 * {@code departure.bpmn}; a case whose departure does not wait for it answers 409 and changes nothing.
 */
final class DepartureEvents {

    private DepartureEvents() {}

    /** Events without fields besides their type, such as REPORTED. */
    record NoFields() {}

    /** The police's report of departure, the reporting moments, and the clocks of a Dublin transfer. */
    abstract static class Simple implements CaseEventType<NoFields> {
        private final ProcessMessages messages;
        private final String type;
        private final String message;
        private final Set<String> senders;

        Simple(ProcessMessages messages, String type, String message, Set<String> senders) {
            this.messages = messages;
            this.type = type;
            this.message = message;
            this.senders = senders;
        }

        @Override
        public CaseFilePart part() {
            return CaseFilePart.DEPARTURE_SECTION;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<NoFields> payloadType() {
            return NoFields.class;
        }

        @Override
        public Set<String> senderGroups() {
            return senders;
        }

        @Override
        public void deliver(UUID caseId, NoFields payload) {
            messages.correlate(caseId, message, Map.of());
        }
    }

    /** {@code IMPRISONED}: the Dublin claimant is in prison; the transfer deadline becomes 12 months. */
    @Component
    static class Imprisoned extends Simple {
        Imprisoned(ProcessMessages messages) {
            super(messages, "IMPRISONED", DepartureModel.MESSAGE_IMPRISONED, Set.of(Groups.DTV, Groups.POLICE_AVIM));
        }
    }

    /** {@code ABSCONDED}: the Dublin claimant absconded; the transfer deadline becomes 18 months. */
    @Component
    static class Absconded extends Simple {
        Absconded(ProcessMessages messages) {
            super(messages, "ABSCONDED", DepartureModel.MESSAGE_ABSCONDED, Set.of(Groups.DTV, Groups.POLICE_AVIM));
        }
    }

    /** {@code REPORTED}: the person kept a reporting moment (meldplicht). */
    @Component
    static class Reported extends Simple {
        Reported(ProcessMessages messages) {
            super(messages, "REPORTED", DepartureModel.MESSAGE_REPORTED, Set.of(Groups.POLICE_AVIM, Groups.DTV));
        }
    }

    /** {@code REPORT_MISSED}: a reporting moment passed without the person. */
    @Component
    static class ReportMissed extends Simple {
        ReportMissed(ProcessMessages messages) {
            super(
                    messages,
                    "REPORT_MISSED",
                    DepartureModel.MESSAGE_REPORT_MISSED,
                    Set.of(Groups.POLICE_AVIM, Groups.DTV));
        }
    }

    /** {@code DEPARTURE_UNSUPERVISED}: the police's report (bericht van vertrek) of a departure to an unknown destination. */
    @Component
    static class DepartureUnsupervised extends Simple {
        DepartureUnsupervised(ProcessMessages messages) {
            super(
                    messages,
                    "DEPARTURE_UNSUPERVISED",
                    DepartureModel.MESSAGE_DEPARTURE_UNSUPERVISED,
                    Set.of(Groups.POLICE_AVIM, Groups.DTV));
        }
    }

    /** {@code DEPARTURE_CONFIRMED {route}}: KMar or DT&V confirm that the person left, and how. */
    @Component
    static class DepartureConfirmed implements CaseEventType<DepartureConfirmed.Confirmation> {

        record Confirmation(@NotNull DepartureRoute route) {}

        private final ProcessMessages messages;
        private final DepartureService departures;

        DepartureConfirmed(ProcessMessages messages, DepartureService departures) {
            this.messages = messages;
            this.departures = departures;
        }

        @Override
        public CaseFilePart part() {
            return CaseFilePart.DEPARTURE_SECTION;
        }

        @Override
        public String type() {
            return "DEPARTURE_CONFIRMED";
        }

        @Override
        public Class<Confirmation> payloadType() {
            return Confirmation.class;
        }

        @Override
        public Set<String> senderGroups() {
            return Set.of(Groups.KMAR, Groups.DTV);
        }

        @Override
        public void deliver(UUID caseId, Confirmation confirmation) {
            if (confirmation.route() == DepartureRoute.DUBLIN_TRANSFER && !departures.dublinClaimant(caseId)) {
                throw new InvalidRequestException("route", "a Dublin transfer needs an accepted Dublin claim");
            }
            messages.correlate(
                    caseId,
                    DepartureModel.MESSAGE_DEPARTURE_CONFIRMED,
                    Map.of("departureRoute", confirmation.route().name()));
        }
    }

    /** Why a rejected person gets a permit after all. */
    enum PermitReason {
        COURT_ANNULMENT,
        NO_FAULT_PERMIT,
        REPEAT_APPLICATION
    }

    /** {@code PERMIT_AFTER_ALL {reason}}: the IND grants a permit after all; the case goes to the permit path. */
    @Component
    static class PermitAfterAll implements CaseEventType<PermitAfterAll.Permit> {

        record Permit(@NotNull PermitReason reason) {}

        private final ProcessMessages messages;

        PermitAfterAll(ProcessMessages messages) {
            this.messages = messages;
        }

        @Override
        public CaseFilePart part() {
            return CaseFilePart.DEPARTURE_SECTION;
        }

        @Override
        public String type() {
            return "PERMIT_AFTER_ALL";
        }

        @Override
        public Class<Permit> payloadType() {
            return Permit.class;
        }

        @Override
        public Set<String> senderGroups() {
            return Set.of(Groups.IND_DECISION);
        }

        @Override
        public void deliver(UUID caseId, Permit permit) {
            messages.correlate(
                    caseId,
                    DepartureModel.MESSAGE_PERMIT_AFTER_ALL,
                    Map.of("permitAfterAllReason", permit.reason().name()));
        }
    }
}
