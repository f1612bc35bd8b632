package pearl.emulator;

/**
 * What {@code node.startup} sets for the next boots (the firmware keeps it in flash): whether the
 * banner is printed, the CPU frequency, whether SPIFFS is mounted late, and the startup command
 * ({@code @init.lua} by default).
 */
public record StartupOptions(boolean banner, int frequency, boolean delayMount, String command) {

    /** The firmware's defaults. */
    public static final StartupOptions DEFAULT = new StartupOptions(true, 80, false, "@init.lua");
}
