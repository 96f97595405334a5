package nl.asylumchain.casefile.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.persistence.CaseEventRepository;

/**
 * Delivers an event and writes its audit row (type, sender, time) in one transaction: an event the case was not
 * waiting for leaves no row, and a delivered event always has one.
 */
@Component
class CaseEventJournal {

    private final CaseEventRepository events;
    private final Clock clock;

    CaseEventJournal(CaseEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void deliverAndRecord(UUID caseId, String type, String sender, Runnable delivery) {
        delivery.run();
        events.insert(UUID.randomUUID(), caseId, type, sender, clock.instant());
    }
}
