package nl.asylumchain.forecast;

import nl.asylumchain.casefile.Stage;

/** A case left a stage after this many days in it. */
public record StageTime(Stage stage, double days) {}
