package pearl.emulator.scenario;

import java.util.Map;

/**
 * One step of a scenario: when it happens ({@code at} a virtual time since power-on, or
 * {@code after} the previous step) and what it does: an action on the board's world (drive a
 * GPIO input, set the ADC or a sensor, type on the UART), a wait for serial text, or an
 * expectation about the board's state.
 *
 * @param number  its place in the scenario, from 1, for messages
 * @param atMicros virtual time to happen at, or -1
 * @param afterMicros delay after the previous step (when {@code atMicros} is -1)
 * @param kind    {@code gpio}, {@code adc}, {@code sensor}, {@code uart}, {@code wait} or {@code expect}
 * @param value   the step's argument as written (a map, a number or a text)
 * @param withinMicros for {@code wait}: how long to wait for the text
 */
public record ScenarioStep(int number, long atMicros, long afterMicros, String kind, Object value, long withinMicros) {

    /** Default time a {@code wait} step gives its text to appear. */
    public static final long DEFAULT_WITHIN = 10_000_000;

    /** The argument as a map (for {@code gpio}, {@code sensor}, {@code expect}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        if (!(value instanceof Map<?, ?>)) {
            throw new ScenarioException(this, "'" + kind + "' takes a mapping such as {pin: 3, level: 0}, not " + value);
        }
        return (Map<String, Object>) value;
    }

    /** What the step does, as the user wrote it: for messages. */
    public String describe() {
        return kind + " " + value;
    }
}
