package pearl.launch.device;

import pearl.launch.ConfiguredProject;

/** The attributes of a "NodeMCU Device" launch configuration (all but the project and port optional). */
public final class DeviceAttributes {

    /** The workspace project whose files are uploaded (String). */
    public static final String PROJECT = ConfiguredProject.ATTRIBUTE;
    /** The board's serial port, {@code /dev/ttyUSB0}, {@code COM3} or a pty (String). */
    public static final String PORT = "pearl.launch.device.port";
    /** The REPL's speed (int, default 115200). */
    public static final String BAUD = "pearl.launch.device.baud";
    /** Upload only the files whose bytes the board does not have yet (boolean, default true). */
    public static final String CHANGED_ONLY = "pearl.launch.device.changedOnly";
    /** Compile {@code .lua} files but init.lua to {@code .lc} on the board (boolean, default false). */
    public static final String COMPILE = "pearl.launch.device.compile";
    /** Drop comments and indentation from {@code .lua} files, keeping line numbers (boolean, default false). */
    public static final String MINIFY = "pearl.launch.device.minify";
    /** Restart the board after the upload, so init.lua runs (boolean, default true). */
    public static final String RESTART = "pearl.launch.device.restart";
    /** Keep the board's console open after the upload (boolean, default true). */
    public static final String OPEN_CONSOLE = "pearl.launch.device.openConsole";

    private DeviceAttributes() {
    }
}
