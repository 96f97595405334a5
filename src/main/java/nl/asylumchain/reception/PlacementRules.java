package nl.asylumchain.reception;

import java.util.Optional;

/**
 * Reception's port to the placement rules (the DMN {@code receptionPlacement}, deployed, so a designer's change
 * applies at once). Implemented in {@code process/}, so that the reception service knows no engine.
 */
public interface PlacementRules {

    /**
     * For a family member who arrived through family reunification: where their sponsor is. {@code NONE} for
     * everyone with an application of their own; {@code HOUSED} when the sponsor left reception for a home or a
     * doorstroomlocatie.
     */
    enum Sponsor {
        NONE,
        IN_RECEPTION,
        HOUSED
    }

    /**
     * The location type for this step, or empty when no rule applies or the rule places nobody (the person stays
     * where they are, or, a family member joining a housed sponsor, never enters reception). {@code current} is where
     * the person stays now (their latest ledger row), null when they are not in reception.
     */
    Optional<LocationType> locationType(
            String step,
            boolean unaccompaniedMinor,
            int age,
            boolean familyWithChildren,
            Sponsor sponsor,
            LocationType current);
}
