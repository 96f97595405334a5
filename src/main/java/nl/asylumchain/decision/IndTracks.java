package nl.asylumchain.decision;

import java.util.List;

/**
 * The tracks (sporen) that go through the IND procedure and end in an IND decision: spoor 1 (Dublin), 2 and 4. Spoor
 * 3 and 5 exist in the track DMN but are switched off. Every per-track series of this module uses this list.
 */
public final class IndTracks {

    public static final List<Integer> DECIDED = List.of(1, 2, 4);

    private IndTracks() {}
}
