package pearl.emulator;

/**
 * What the ESP8266's boot ROM prints when the chip resets. On a real board it comes at 74880 baud
 * and looks like noise on a 115200 terminal; the emulator prints it readably, so a user sees
 * why the board rebooted.
 */
final class ResetMessages {

    private ResetMessages() {
    }

    static String of(String reason) {
        if (reason.startsWith("watchdog")) {
            return "\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\n\nwdt reset\n";
        }
        return "\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\n\n";
    }
}
