package pearl.emulator.modules;

import java.util.List;

import pearl.lua.firmware.WifiEnvironment;

/** The firmware modules the emulator implements, for a board built with all of them. */
public final class StandardModules {

    private StandardModules() {
    }

    /** One instance of each implemented module. */
    public static List<FirmwareModule> all() {
        return all(WifiEnvironment.defaults());
    }

    /** One instance of each implemented module, the board's radio in {@code world}. */
    public static List<FirmwareModule> all(WifiEnvironment world) {
        WifiModule wifi = new WifiModule(world);
        return List.of(new NodeModule(), new TmrModule(), new UartModule(), new FileModule(),
                new SjsonModule(), new EncoderModule(), new CryptoModule(), new BitModule(),
                new StructModule(), new RtctimeModule(), new RtcmemModule(), new PipeModule(),
                new NetModule(wifi), new HttpModule(), wifi, new MqttModule(wifi),
                new GpioModule(), new I2cModule(), new OwModule(), new AdcModule(), new PwmModule(), new SpiModule());
    }
}
