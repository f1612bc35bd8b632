package pearl.emulator.hardware;

import java.util.function.LongSupplier;

/**
 * The board's 13 GPIO pins (NodeMCU index 0..12) as the firmware left them: mode, pull-up,
 * output latch and PWM, and the level each pin shows, which outside drivers of the
 * {@link InputTimeline} decide for inputs. Readable from Java for views and traces; reset at boot.
 */
public final class GpioPins {

    /** Pins 0..12 ({@code GPIO_PIN_NUM}). */
    public static final int COUNT = 13;

    /** Told when an outside driver changes a pin's level. */
    public interface EdgeListener {
        /** {@code pin} went to {@code level} at {@code micros} since power-on. */
        void edge(int pin, int level, long micros);
    }

    private final InputTimeline inputs;
    private final LongSupplier micros;
    private final PinMode[] modes = new PinMode[COUNT];
    private final boolean[] pullUps = new boolean[COUNT];
    private final int[] latches = new int[COUNT];
    private final PwmState[] pwm = new PwmState[COUNT];
    private final int[] rises = new int[COUNT];
    private EdgeListener edgeListener = (pin, level, at) -> {
    };
    private final java.util.List<PinObserver> observers;

    /** Told whenever what a pin shows may have changed: its latch, mode, PWM or outside drive. */
    public interface PinObserver {
        /** Something about {@code pin} changed; read {@link GpioPins#level} and {@link GpioPins#pwm}. */
        void changed(GpioPins pins, int pin);
    }

    GpioPins(InputTimeline inputs, LongSupplier micros, java.util.List<PinObserver> observers) {
        this.inputs = inputs;
        this.micros = micros;
        this.observers = observers;
        java.util.Arrays.fill(modes, PinMode.INPUT);
    }

    /** The mode of {@code pin}. */
    public PinMode mode(int pin) {
        return modes[pin];
    }

    /** Whether the internal pull-up of {@code pin} is on. */
    public boolean pullUp(int pin) {
        return pullUps[pin];
    }

    /** Sets the mode and pull-up of {@code pin}. */
    public void setMode(int pin, PinMode mode, boolean pullUp) {
        modes[pin] = mode;
        pullUps[pin] = pullUp;
        changed(pin);
    }

    private void changed(int pin) {
        for (PinObserver o : observers) {
            o.changed(this, pin);
        }
    }

    /** Virtual microseconds since power-on, up to date inside a task. */
    public long micros() {
        return micros.getAsLong();
    }

    /** The output latch of {@code pin} ({@code gpio.write}). */
    public int latch(int pin) {
        return latches[pin];
    }

    /** Sets the output latch of {@code pin}. */
    public void write(int pin, int level) {
        if (latches[pin] == 0 && level != 0) {
            rises[pin]++;
        }
        latches[pin] = level;
        changed(pin);
    }

    /** How often the latch of {@code pin} went from 0 to 1 (a chip select ending a transaction). */
    public int rises(int pin) {
        return rises[pin];
    }

    /**
     * The level on {@code pin} now: an output shows its latch; an open-drain pin pulls low or lets
     * go; a pin let go shows what drives it from outside, else its pull-up (1) or 0 when floating.
     */
    public int level(int pin) {
        PinMode mode = modes[pin];
        if (mode == PinMode.OUTPUT) {
            return latches[pin];
        }
        if (mode == PinMode.OPENDRAIN && latches[pin] == 0) {
            return 0;
        }
        int driven = inputs.levelAt(pin, micros.getAsLong());
        if (driven >= 0) {
            return driven;
        }
        return pullUps[pin] || mode == PinMode.OPENDRAIN ? 1 : 0;
    }

    /** The PWM set-up of {@code pin}, or null if {@code pwm} does not drive it. */
    public PwmState pwm(int pin) {
        return pwm[pin];
    }

    /** Sets (or with null, releases) the PWM of {@code pin}. */
    public void setPwm(int pin, PwmState state) {
        pwm[pin] = state;
        changed(pin);
    }

    /** Who hears of outside edges ({@code gpio.trig}); one listener per boot. */
    public void setEdgeListener(EdgeListener listener) {
        edgeListener = listener;
    }

    void edge(int pin, int level, long at) {
        changed(pin);
        edgeListener.edge(pin, level, at);
    }
}
