package pearl.emulator;

import java.util.List;
import java.util.stream.Collectors;

import pearl.emulator.modules.FirmwareModule;

/** The banner the firmware prints at boot, naming the modules this board was built with. */
final class BootBanner {

    private BootBanner() {
    }

    static String text(List<FirmwareModule> modules, int lfsSize) {
        String names = modules.stream().map(FirmwareModule::name).sorted().collect(Collectors.joining(","));
        return "\nNodeMCU 3.0.0.0 built for the Pearl emulator\n"
                + "\tbranch: dev\n"
                + "\tcommit: pearl-emulated\n"
                + "\trelease: 3.0-master_20240426\n"
                + "\trelease DTS: 202404260000\n"
                + "\tSSL: false\n"
                + "\tbuild type: float\n"
                + "\tLFS: 0x" + Integer.toHexString(lfsSize) + " bytes total capacity\n"
                + "\tmodules: " + names + "\n"
                + " build 2024-04-26 00:00 powered by Lua 5.1.4 on SDK 3.0.1-dev(fce080e)\n";
    }
}
