package pearl.emulator.modules;

import java.util.List;

/** The firmware modules the emulator implements, for a board built with all of them. */
public final class StandardModules {

    private StandardModules() {
    }

    /** One instance of each implemented module. */
    public static List<FirmwareModule> all() {
        return List.of(new NodeModule(), new TmrModule(), new UartModule(), new FileModule(),
                new GpioModule(),
                new I2cModule(),
                new OwModule(),
                new AdcModule(),
                new PwmModule(),
                new SpiModule());
    }
}
