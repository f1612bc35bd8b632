package pearl.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/** The identifiers this bundle declares in its plugin.xml, for code that refers to them. */
public final class PearlLaunching {

    /** The bundle's symbolic name. */
    public static final String PLUGIN_ID = "pearl.launch";
    /** The launch configuration type "NodeMCU Emulator". */
    public static final String EMULATOR_TYPE = "pearl.launch.emulator";
    /** The launch configuration type "NodeMCU Device". */
    public static final String DEVICE_TYPE = "pearl.launch.device";
    /** The debug model of every element the DAP client makes. */
    public static final String DEBUG_MODEL = "pearl.debug.model";
    /** Marker type of a {@link pearl.launch.breakpoints.LuaLineBreakpoint}. */
    public static final String LINE_BREAKPOINT_MARKER = "pearl.launch.luaLineBreakpointMarker";
    /** Marker type of a {@link pearl.launch.breakpoints.LuaExceptionBreakpoint}. */
    public static final String EXCEPTION_BREAKPOINT_MARKER = "pearl.launch.luaExceptionBreakpointMarker";

    private PearlLaunching() {
    }

    /** A launch failure to show the user: {@code message} says what is wrong, {@code cause} may be null. */
    public static CoreException error(String message, Throwable cause) {
        return new CoreException(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
    }
}
