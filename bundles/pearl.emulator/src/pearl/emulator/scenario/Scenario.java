package pearl.emulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pearl.emulator.Durations;

/**
 * A script for a run: steps at virtual times that act on the board's world and check what it
 * does, as a CI test of firmware needs (press a button, expect the LED). Read from data as YAML
 * gives it: a list of steps (or a mapping whose {@code steps} is that list), each a mapping with
 * an optional {@code at: 2s} or {@code after: 100ms} and one of:
 * <ul>
 * <li>{@code gpio: {pin: 3, level: 0}}: drive an input from outside (an interrupt follows)</li>
 * <li>{@code adc: 512}: the ADC reads this from now on (0..1024)</li>
 * <li>{@code sensor: {bme280: {temperature: 30, pressure: 101325, humidity: 50}}} or
 * {@code sensor: {ds18b20: {temperature: 21.5}}}: the wired sensors measure this</li>
 * <li>{@code uart: "print(1)\n"}: type on the UART</li>
 * <li>{@code wifi: drop} and {@code wifi: restore}: the access points go out of range and come
 * back (the station loses its network with reason 200, and rejoins when they return)</li>
 * <li>{@code tcp: disconnect}: every host peer connected over TCP vanishes (the board sees a reset)</li>
 * <li>{@code wait: "LED on"} with optional {@code within: 5s}: run until the UART prints it</li>
 * <li>{@code expect: {pin: 4, level: 1}}, {@code expect: {pwm: 2, duty: 512}},
 * {@code expect: {file: "log.txt", contains: "x"}} (or {@code equals}),
 * {@code expect: {heapAbove: 20000}}: check the board now</li>
 * </ul>
 */
public final class Scenario {

    private static final Set<String> KINDS = Set.of("gpio", "adc", "sensor", "uart", "wifi", "tcp", "wait", "expect");

    private final List<ScenarioStep> steps;

    private Scenario(List<ScenarioStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The steps, in order. */
    public List<ScenarioStep> steps() {
        return steps;
    }

    /**
     * The scenario in {@code data} (what a YAML reader gives for the file).
     *
     * @throws ScenarioException naming the step that is malformed and how
     */
    public static Scenario fromData(Object data) {
        Object list = data;
        if (data instanceof Map<?, ?> top) {
            list = top.get("steps");
            if (list == null) {
                throw new ScenarioException("a scenario is a list of steps, or a mapping with 'steps:'");
            }
        }
        if (!(list instanceof List<?> items)) {
            throw new ScenarioException("a scenario's steps are a list, not " + list);
        }
        List<ScenarioStep> steps = new ArrayList<>();
        for (Object item : items) {
            steps.add(step(steps.size() + 1, item));
        }
        return new Scenario(steps);
    }

    private static ScenarioStep step(int number, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new ScenarioException("step " + number + ": a step is a mapping such as {at: 2s, gpio: {pin: 3, level: 0}}, not "
                    + item);
        }
        long at = -1;
        long after = 0;
        long within = ScenarioStep.DEFAULT_WITHIN;
        String kind = null;
        Object value = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            try {
                switch (key) {
                    case "at" -> at = Durations.micros("at", String.valueOf(e.getValue()));
                    case "after" -> after = Durations.micros("after", String.valueOf(e.getValue()));
                    case "within" -> within = Durations.micros("within", String.valueOf(e.getValue()));
                    default -> {
                        if (!KINDS.contains(key)) {
                            throw new ScenarioException("step " + number + ": unknown key '" + key + "' (at, after, within, "
                                    + String.join(", ", KINDS.stream().sorted().toList()) + ")");
                        }
                        if (kind != null) {
                            throw new ScenarioException("step " + number + ": one action a step, not both '" + kind + "' and '" + key
                                    + "'");
                        }
                        kind = key;
                        value = e.getValue();
                    }
                }
            } catch (IllegalArgumentException bad) {
                throw new ScenarioException("step " + number + ": " + bad.getMessage());
            }
        }
        if (kind == null) {
            throw new ScenarioException("step " + number + ": no action (" + String.join(", ", KINDS.stream().sorted().toList()) + ")");
        }
        return new ScenarioStep(number, at, after, kind, value, within);
    }
}
