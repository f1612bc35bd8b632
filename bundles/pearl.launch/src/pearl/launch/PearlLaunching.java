package pearl.launch;

/** The identifiers this bundle declares in its plugin.xml, for code that refers to them. */
public final class PearlLaunching {

    /** The bundle's symbolic name. */
    public static final String PLUGIN_ID = "pearl.launch";
    /** The launch configuration type "NodeMCU Emulator". */
    public static final String EMULATOR_TYPE = "pearl.launch.emulator";
    /** The debug model of every element the DAP client makes. */
    public static final String DEBUG_MODEL = "pearl.debug.model";
    /** Marker type of a {@link pearl.launch.breakpoints.LuaLineBreakpoint}. */
    public static final String LINE_BREAKPOINT_MARKER = "pearl.launch.luaLineBreakpointMarker";
    /** Marker type of a {@link pearl.launch.breakpoints.LuaExceptionBreakpoint}. */
    public static final String EXCEPTION_BREAKPOINT_MARKER = "pearl.launch.luaExceptionBreakpointMarker";

    private PearlLaunching() {
    }
}
