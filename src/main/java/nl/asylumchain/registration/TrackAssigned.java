package nl.asylumchain.registration;

import java.util.UUID;

/** Published when the IND has assigned a case to a track (spoor 1, 2 or 4) for the given reason. */
public record TrackAssigned(UUID caseId, int track, String reason) {}
