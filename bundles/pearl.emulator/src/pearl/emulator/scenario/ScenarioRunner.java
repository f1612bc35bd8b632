package pearl.emulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.devices.Bme280;
import pearl.emulator.devices.Ds18b20;
import pearl.emulator.hardware.BoardHardware;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PwmState;

/**
 * Runs a {@link Scenario} on a board in virtual time: the board runs up to each step's time,
 * then the step acts or checks. A failed expectation is recorded with its step and time and the
 * run goes on, so that one run reports every failure.
 */
public final class ScenarioRunner {

    /** How finely a wait looks for its text, in virtual time. */
    private static final long WAIT_SLICE_MICROS = 1000;

    private final Board board;
    private final StringBuilder uart = new StringBuilder();
    private final List<ScenarioFailure> failures = new ArrayList<>();

    /** A runner for {@code board}, which it powers on if need be. */
    public ScenarioRunner(Board board) {
        this.board = board;
        board.addListener(new BoardListener() {
            @Override
            public void uartOutput(String bytes) {
                uart.append(bytes);
            }
        });
    }

    /**
     * Runs every step of {@code scenario}.
     *
     * @return the expectations that failed, in order (empty: all held)
     * @throws ScenarioException for a step that cannot be carried out (a sensor not wired, a bad pin)
     */
    public List<ScenarioFailure> run(Scenario scenario) {
        if (board.scheduler() == null) {
            board.powerOn();
        }
        for (ScenarioStep step : scenario.steps()) {
            long target = step.atMicros() >= 0 ? step.atMicros() : board.clockMicros() + step.afterMicros();
            if (target > board.clockMicros()) {
                board.runFor(target - board.clockMicros());
            }
            if (board.rebootLoopCause() != null) {
                failures.add(new ScenarioFailure(step.number(), board.clockMicros(),
                        "the board fell into a reboot loop (" + board.rebootLoopCause() + ") before this step"));
                break;
            }
            carryOut(step);
        }
        return List.copyOf(failures);
    }

    private void carryOut(ScenarioStep step) {
        BoardHardware hw = board.hardware();
        switch (step.kind()) {
            case "gpio" -> hw.drive(pin(step, step.map().get("pin")), whole(step, step.map().get("level"), "level") == 0 ? 0 : 1);
            case "adc" -> hw.analog().set(board.clockMicros(), (int) whole(step, step.value(), "adc"));
            case "uart" -> board.uart().receive(String.valueOf(step.value()));
            case "wifi" -> wifi(step);
            case "tcp" -> {
                if (!"disconnect".equals(String.valueOf(step.value()))) {
                    throw new ScenarioException(step, "tcp takes disconnect, not " + step.value());
                }
                if (board.hostIo().dropConnections() == 0) {
                    failures.add(new ScenarioFailure(step.number(), board.clockMicros(), "no TCP connection to a host peer to drop"));
                }
            }
            case "sensor" -> sensor(step);
            case "wait" -> await(step);
            case "expect" -> expect(step);
            default -> throw new ScenarioException(step, "unknown action");
        }
    }

    private void wifi(ScenarioStep step) {
        String what = String.valueOf(step.value());
        if (!what.equals("drop") && !what.equals("restore")) {
            throw new ScenarioException(step, "wifi takes drop or restore, not " + what);
        }
        board.module(pearl.emulator.modules.WifiModule.class)
                .orElseThrow(() -> new ScenarioException(step, "this build has no wifi module"))
                .setSignal(what.equals("restore"));
    }

    private void sensor(ScenarioStep step) {
        for (Map.Entry<String, Object> e : step.map().entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> values)) {
                throw new ScenarioException(step, e.getKey() + " takes readings such as {temperature: 21.5}");
            }
            boolean found = false;
            switch (e.getKey()) {
                case "bme280" -> {
                    for (var device : board.hardware().i2c().devices()) {
                        if (device instanceof Bme280 bme) {
                            bme.set(number(step, values.get("temperature"), "temperature", bme.celsius()),
                                    number(step, values.get("pressure"), "pressure", bme.pascals()),
                                    number(step, values.get("humidity"), "humidity", bme.humidity()));
                            found = true;
                        }
                    }
                }
                case "ds18b20" -> {
                    for (int pin = 0; pin < GpioPins.COUNT; pin++) {
                        for (var device : board.hardware().oneWire(pin).devices()) {
                            if (device instanceof Ds18b20 ds) {
                                ds.setTemperature(number(step, values.get("temperature"), "temperature", Double.NaN));
                                found = true;
                            }
                        }
                    }
                }
                default -> throw new ScenarioException(step, "no sensor model '" + e.getKey() + "' (bme280, ds18b20)");
            }
            if (!found) {
                throw new ScenarioException(step, "no " + e.getKey() + " is wired to the board (see the profile's \"hardware\")");
            }
        }
    }

    private void await(ScenarioStep step) {
        String text = String.valueOf(step.value());
        int from = uart.length();
        long end = board.clockMicros() + step.withinMicros();
        while (uart.indexOf(text, from) < 0) { // printed after the step began
            if (board.clockMicros() >= end || board.rebootLoopCause() != null) {
                failures.add(new ScenarioFailure(step.number(), board.clockMicros(),
                        "'" + text + "' did not appear within " + step.withinMicros() / 1e6 + " s"));
                return;
            }
            board.runFor(Math.min(WAIT_SLICE_MICROS, end - board.clockMicros()));
        }
    }

    private void expect(ScenarioStep step) {
        Map<String, Object> e = step.map();
        String failure;
        if (e.containsKey("pin")) {
            int pin = pin(step, e.get("pin"));
            long want = whole(step, e.get("level"), "level");
            int level = board.hardware().pins().level(pin);
            failure = level == want ? null : "pin " + pin + " is " + level + ", expected " + want;
        } else if (e.containsKey("pwm")) {
            int pin = pin(step, e.get("pwm"));
            long want = whole(step, e.get("duty"), "duty");
            PwmState pwm = board.hardware().pins().pwm(pin);
            int duty = pwm == null || !pwm.running() ? 0 : pwm.duty();
            failure = duty == want ? null : "PWM duty of pin " + pin + " is " + duty + (pwm != null && !pwm.running() ? " (stopped)" : "")
                    + ", expected " + want;
        } else if (e.containsKey("file")) {
            String name = String.valueOf(e.get("file"));
            byte[] bytes = board.spiffs().getContents(name);
            String content = bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
            if (content == null) {
                failure = "no file " + name + " on SPIFFS";
            } else if (e.containsKey("equals")) {
                failure = content.equals(String.valueOf(e.get("equals"))) ? null : name + " holds '" + content + "', expected '" + e.get("equals") + "'";
            } else if (e.containsKey("contains")) {
                failure = content.contains(String.valueOf(e.get("contains"))) ? null
                        : name + " does not contain '" + e.get("contains") + "' (it holds '" + content + "')";
            } else {
                failure = null; // the file exists: that was the expectation
            }
        } else if (e.containsKey("heapAbove")) {
            long floor = whole(step, e.get("heapAbove"), "heapAbove");
            long free = board.freeHeap();
            failure = free > floor ? null : "free heap is " + free + " bytes, expected above " + floor;
        } else {
            throw new ScenarioException(step, "expect takes pin/level, pwm/duty, file (with equals or contains) or heapAbove");
        }
        if (failure != null) {
            failures.add(new ScenarioFailure(step.number(), board.clockMicros(), failure));
        }
    }

    private static int pin(ScenarioStep step, Object value) {
        long pin = whole(step, value, "pin");
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw new ScenarioException(step, "pin " + pin + " does not exist (0.." + (GpioPins.COUNT - 1) + ")");
        }
        return (int) pin;
    }

    private static long whole(ScenarioStep step, Object value, String what) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new ScenarioException(step, what + " takes a whole number, not " + value);
    }

    private static double number(ScenarioStep step, Object value, String what, double otherwise) {
        if (value == null && !Double.isNaN(otherwise)) {
            return otherwise;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new ScenarioException(step, what + " takes a number, not " + value);
    }
}
