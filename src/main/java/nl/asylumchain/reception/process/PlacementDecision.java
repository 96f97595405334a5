package nl.asylumchain.reception.process;

import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.asylumchain.reception.LocationType;

/** Asks the DMN {@code receptionPlacement} (deployed, so a designer's change applies at once) where a person goes. */
@Component
public class PlacementDecision {

    private final DecisionService decisions;

    PlacementDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * For a family member who arrived through family reunification: where their sponsor is. {@code NONE} for
     * everyone with an application of their own; {@code HOUSED} when the sponsor left reception for a home or a
     * doorstroomlocatie.
     */
    public enum Sponsor { NONE, IN_RECEPTION, HOUSED }

    /**
     * The location type for this step, or empty when no rule applies or the rule places nobody (the person stays
     * where they are, or, a family member joining a housed sponsor, never enters reception).
     */
    public Optional<LocationType> locationType(String step, boolean unaccompaniedMinor, int age,
            boolean familyWithChildren, Sponsor sponsor) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(ReceptionPlacementModel.DECISION_KEY)
                .variables(Variables.createVariables().putValue("step", step)
                        .putValue("unaccompaniedMinor", unaccompaniedMinor).putValue("age", age)
                        .putValue("familyWithChildren", familyWithChildren).putValue("sponsor", sponsor.name()))
                .evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        String type = result.getFirstResult().getEntry("locationType");
        return Optional.ofNullable(type).map(LocationType::valueOf);
    }
}
