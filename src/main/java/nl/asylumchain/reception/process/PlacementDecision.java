package nl.asylumchain.reception.process;

import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.asylumchain.reception.LocationType;
import nl.asylumchain.reception.PlacementRules;

/** Asks the DMN {@code receptionPlacement} (deployed, so a designer's change applies at once) where a person goes. */
@Component
class PlacementDecision implements PlacementRules {

    private final DecisionService decisions;

    PlacementDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Optional<LocationType> locationType(
            String step,
            boolean unaccompaniedMinor,
            int age,
            boolean familyWithChildren,
            Sponsor sponsor,
            LocationType current) {
        DmnDecisionResult result = decisions
                .evaluateDecisionByKey(ReceptionPlacementModel.DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue("step", step)
                        .putValue("unaccompaniedMinor", unaccompaniedMinor)
                        .putValue("age", age)
                        .putValue("familyWithChildren", familyWithChildren)
                        .putValue("sponsor", sponsor.name())
                        .putValue("currentLocation", current == null ? null : current.name()))
                .evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        String type = result.getFirstResult().getEntry("locationType");
        return Optional.ofNullable(type).map(LocationType::valueOf);
    }
}
