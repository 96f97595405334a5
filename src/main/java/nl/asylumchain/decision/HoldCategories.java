package nl.asylumchain.decision;

import java.util.Set;

/**
 * The decision module's port to DMN {@code holdCategory}: which policy-hold categories exist (the output values the
 * deployed table declares), so that a hold can only name one of them. Implemented in {@code process/}, which also
 * evaluates the table on a case's facts inside the engine.
 */
public interface HoldCategories {

    /** The decision's key, for messages that name the table. */
    String DECISION_KEY = "holdCategory";

    /** The categories a hold may name: the table's declared output values. */
    Set<String> declared();

    /**
     * Whether a hold of this category is a decision moratorium (Vw 2000 art. 43 lid 1: DMN {@code holdMoratorium}),
     * so that the decision period is suspended while it lasts; a category the table does not mark is not.
     */
    boolean moratorium(String category);
}
