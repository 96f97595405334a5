package nl.asylumchain.reception;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.reception.persistence.ReceptionLedger;
import nl.asylumchain.reception.persistence.ReceptionLedger.MoveRow;
import nl.asylumchain.reception.process.GuardianshipModel;

/** {@code sections.reception} of a case: where the person stays now and every move before. */
@Component
class ReceptionSection implements CaseFileSection {

    record Stay(
            String move,
            LocationType from,
            LocationType to,
            String site,
            String step,
            boolean permitHolder,
            boolean unaccompaniedMinor,
            Instant at) {}

    /** {@code current} is null once the person has left reception. */
    record History(Stay current, boolean inReception, List<Stay> moves) {}

    /** The ledger itself, not the service: the case file's sections must not need the case file. */
    private final ReceptionLedger ledger;

    ReceptionSection(ReceptionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(GuardianshipModel.PROCESS_KEY);
    }

    @Override
    public String name() {
        return "reception";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        List<Stay> moves =
                ledger.history(caseId).stream().map(ReceptionSection::stay).toList();
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        Stay last = moves.get(moves.size() - 1);
        boolean in = !ReceptionMoved.Move.OUT.name().equals(last.move());
        return Optional.of(new History(in ? last : null, in, moves));
    }

    private static Stay stay(MoveRow row) {
        return new Stay(
                row.move(),
                row.from() == null ? null : LocationType.valueOf(row.from()),
                row.to() == null ? null : LocationType.valueOf(row.to()),
                row.site(),
                row.step(),
                row.permitHolder(),
                row.unaccompaniedMinor(),
                row.movedAt());
    }
}
