package pearl.emulator.modules;

import java.util.List;

/** The firmware modules the emulator implements, for a board built with all of them. */
public final class StandardModules {

    private StandardModules() {
    }

    /** One instance of each implemented module. */
    public static List<FirmwareModule> all() {
        WifiModule wifi = new WifiModule();
        return List.of(new NodeModule(), new TmrModule(), new UartModule(), new FileModule(), wifi, new MqttModule(wifi));
    }
}
