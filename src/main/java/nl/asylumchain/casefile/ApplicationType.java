package nl.asylumchain.casefile;

/** First application, repeat application (opvolgende aanvraag) or resettlement (hervestiging). */
public enum ApplicationType { FIRST, REPEAT, RESETTLEMENT }
