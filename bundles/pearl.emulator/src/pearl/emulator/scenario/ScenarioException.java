package pearl.emulator.scenario;

/** A scenario that cannot be run as written: names the step and what is wrong with it. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem with {@code step}. */
    public ScenarioException(ScenarioStep step, String problem) {
        super("step " + step.number() + " (" + step.kind() + "): " + problem);
    }

    /** A problem with the scenario as a whole, or a step not parsed yet. */
    public ScenarioException(String problem) {
        super(problem);
    }
}
