package nl.asylumchain.casefile.web;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.persistence.CaseEventRepository;
import nl.asylumchain.casefile.persistence.CaseRepository;
import nl.asylumchain.platform.RowIds;

/**
 * Delivers an event and writes its audit row (type, sender, time) and its access-log row in one transaction: an
 * event the case was not waiting for leaves no row, and a delivered event always has both.
 */
@Component
class CaseEventJournal {

    private final CaseEventRepository events;
    private final CaseRepository cases;
    private final Clock clock;
    private final AccessLog accessLog;
    private final RowIds ids;

    CaseEventJournal(CaseEventRepository events, CaseRepository cases, Clock clock, AccessLog accessLog, RowIds ids) {
        this.events = events;
        this.cases = cases;
        this.clock = clock;
        this.accessLog = accessLog;
        this.ids = ids;
    }

    @Transactional
    public void deliverAndRecord(
            UUID caseId, String type, Accessor sender, Set<String> senderGroups, Runnable delivery) {
        // one event per case at a time: a parallel one waits here and then finds the case as the first left it
        // (taken, or 409 because it is no longer waiting), instead of racing it inside the engine
        cases.lock(caseId);
        delivery.run();
        events.insert(ids.next(), caseId, type, sender.userId(), clock.instant());
        accessLog.change(sender, senderGroups, caseId, "event " + type);
    }
}
