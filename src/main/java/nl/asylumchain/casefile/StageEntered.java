package nl.asylumchain.casefile;

import java.util.UUID;

/** Published when a case enters a stage of the chain. */
public record StageEntered(UUID caseId, Stage stage) {}
