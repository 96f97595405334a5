package nl.asylumchain.forecast;

/** A scenario file that cannot run: names the field ({@code scenario.appeal.share}) and what is wrong with it. */
public class ScenarioException extends RuntimeException {

    private final String field;
    private final String reason;

    public ScenarioException(String field, String reason) {
        super("scenario." + field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field's path inside the scenario, e.g. {@code capacity.ind-decision}; empty for the file itself. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
