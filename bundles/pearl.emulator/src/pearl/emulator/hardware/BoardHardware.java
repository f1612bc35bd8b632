package pearl.emulator.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import pearl.emulator.Scheduler;

/**
 * What is wired to the emulated board: outside drivers of GPIO inputs ({@link InputTimeline}),
 * the ADC's signal, the devices on the I²C and SPI buses and on 1-Wire pins; and the pins' state the
 * firmware set ({@link GpioPins}), new at each boot. The wiring lasts across reboots; devices
 * keep their state as powered chips do.
 */
public final class BoardHardware {

    private final InputTimeline inputs = new InputTimeline();
    private final AnalogInput analog = new AnalogInput();
    private final I2cBus i2c = new I2cBus();
    private final SpiBus spi = new SpiBus();
    private final Map<Integer, OneWireBus> oneWire = new HashMap<>();
    private LongSupplier micros = () -> 0;
    private final List<GpioPins.PinObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private GpioPins pins = new GpioPins(inputs, () -> micros.getAsLong(), observers);
    private Scheduler scheduler;
    private final List<Runnable> bootHooks = new ArrayList<>();

    /** The outside drivers of GPIO inputs (add edges before the board runs past them). */
    public InputTimeline inputs() {
        return inputs;
    }

    /** The ADC's input. */
    public AnalogInput analog() {
        return analog;
    }

    /** The I²C bus (the firmware's software master reaches it through any two pins). */
    public I2cBus i2c() {
        return i2c;
    }

    /** The HSPI bus, its devices selected by their chip-select pins. */
    public SpiBus spi() {
        return spi;
    }

    /** The 1-Wire bus on {@code pin} (empty if nothing is wired there). */
    public OneWireBus oneWire(int pin) {
        return oneWire.computeIfAbsent(pin, p -> new OneWireBus());
    }

    /** The GPIO pins as the firmware of the current boot set them. */
    public GpioPins pins() {
        return pins;
    }

    /** Virtual microseconds since power-on, as devices see them (up to date inside a task). */
    public long micros() {
        return micros.getAsLong();
    }

    /**
     * The board boots: pins go back to inputs, and each outside edge still to come is scheduled,
     * so that an interrupt can follow it.
     *
     * @param clock virtual microseconds since power-on, up to date inside a task
     */
    public void boot(Scheduler scheduler, LongSupplier clock) {
        micros = clock;
        this.scheduler = scheduler;
        GpioPins bootPins = new GpioPins(inputs, clock, observers);
        pins = bootPins;
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            for (GpioPins.PinObserver o : observers) {
                o.changed(bootPins, pin); // a reset makes every pin an input again
            }
        }
        long now = clock.getAsLong();
        for (InputTimeline.Edge e : inputs.edges()) {
            if (e.micros() > now) {
                scheduler.at(e.micros(), () -> bootPins.edge(e.pin(), e.level(), e.micros()));
            }
        }
        bootHooks.forEach(Runnable::run);
    }

    /**
     * Runs {@code hook} at every boot from now on (and now, if the board runs already): a device
     * with events of its own in time (an RTC's alarm) plans them on the new boot's clock.
     */
    public void onBoot(Runnable hook) {
        bootHooks.add(hook);
        if (scheduler != null) {
            hook.run();
        }
    }

    /** Runs {@code action} (outside any task) when this boot's clock reaches {@code micros}. */
    public void at(long micros, Runnable action) {
        if (scheduler != null) {
            scheduler.at(micros, action);
        }
    }

    /** Tells {@code observer} of every change a pin may show, across boots (a signal trace). */
    public void addPinObserver(GpioPins.PinObserver observer) {
        observers.add(observer);
    }

    /**
     * Drives {@code pin} to {@code level} from outside now (a button the user clicks in a view):
     * the level shows at once and an interrupt follows, as for a timeline edge.
     */
    public void drive(int pin, int level) {
        long now = micros();
        inputs.add(now, pin, level);
        if (scheduler != null) {
            GpioPins bootPins = pins;
            int driven = level == 0 ? 0 : 1;
            scheduler.at(now, () -> bootPins.edge(pin, driven, now));
        }
    }
}
