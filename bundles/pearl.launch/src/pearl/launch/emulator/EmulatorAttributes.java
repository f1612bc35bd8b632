package pearl.launch.emulator;

/** The attributes of a "NodeMCU Emulator" launch configuration (all but the project optional). */
public final class EmulatorAttributes {

    /** The workspace project whose files the board gets (String). */
    public static final String PROJECT = pearl.launch.ConfiguredProject.ATTRIBUTE;
    /** The board profile ({@code .nodemcu-board.json}): a path in the project, or absolute (String, empty: the default build). */
    public static final String PROFILE = "pearl.launch.profile";
    /** Pace virtual time to the wall clock (boolean; default: when the run length is empty). */
    public static final String REALTIME = "pearl.launch.realtime";
    /** Virtual time to run, as {@code pearl run --for} takes it ({@code 10s}, {@code 2h}; empty: until terminated). */
    public static final String RUN_LENGTH = "pearl.launch.runLength";
    /** Fixes every random source of the board (int, default 1). */
    public static final String SEED = "pearl.launch.seed";
    /** Boot without running {@code init.lua} (boolean, default false). */
    public static final String SAFE_BOOT = "pearl.launch.safeBoot";

    private EmulatorAttributes() {
    }
}
