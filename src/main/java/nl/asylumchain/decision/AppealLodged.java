package nl.asylumchain.decision;

import java.util.UUID;

/** Published when an appeal against a rejection is lodged within the appeal window. */
public record AppealLodged(UUID caseId, boolean suspensive) {}
