package pearl.emulator.scenario;

/**
 * An expectation of a scenario that did not hold.
 *
 * @param step   the step's number, from 1
 * @param micros virtual time since power-on when it was checked
 * @param message what was expected and what was found
 */
public record ScenarioFailure(int step, long micros, String message) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "step %d at %.6f s: %s", step, micros / 1e6, message);
    }
}
