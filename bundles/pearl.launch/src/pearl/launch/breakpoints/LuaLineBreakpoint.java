package pearl.launch.breakpoints;

import java.util.Map;
import java.util.Objects;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

import pearl.launch.PearlLaunching;

/**
 * A breakpoint on a line of a Lua file, with an optional condition (a Lua expression) and hit
 * condition ({@code 5}, {@code >=5}, {@code %5}, as the adapter reads them). The adapter may move
 * it to the next line that has code; it may also refuse it, and says why ({@link #getProblem}).
 */
public class LuaLineBreakpoint extends LineBreakpoint {

    /** Marker attribute: the Lua condition, empty or absent for none. */
    public static final String CONDITION = "pearl.launch.condition";
    /** Marker attribute: the hit condition, empty or absent for none. */
    public static final String HIT_CONDITION = "pearl.launch.hitCondition";
    /** Marker attribute: why the adapter did not set the breakpoint, absent when it did. */
    public static final String PROBLEM = "pearl.launch.problem";

    /** For the breakpoint manager, which restores breakpoints from their markers. */
    public LuaLineBreakpoint() {
    }

    /** A breakpoint on {@code line} (from 1) of {@code resource}, not yet registered. */
    public LuaLineBreakpoint(IResource resource, int line) throws CoreException {
        run(getMarkerRule(resource), monitor -> {
            IMarker marker = resource.createMarker(PearlLaunching.LINE_BREAKPOINT_MARKER);
            marker.setAttributes(Map.of(IBreakpoint.ID, PearlLaunching.DEBUG_MODEL, IBreakpoint.ENABLED, Boolean.TRUE,
                    IMarker.LINE_NUMBER, line, IMarker.MESSAGE, "Lua breakpoint: " + resource.getName() + " [line: " + line + "]"));
            setMarker(marker);
        });
    }

    /** A breakpoint on {@code line} of {@code resource}, registered with the breakpoint manager. */
    public static LuaLineBreakpoint create(IResource resource, int line) throws CoreException {
        LuaLineBreakpoint breakpoint = new LuaLineBreakpoint(resource, line);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(breakpoint);
        return breakpoint;
    }

    /** The registered breakpoint on {@code line} (from 1) of {@code resource}, or null. */
    public static LuaLineBreakpoint find(IResource resource, int line) {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PearlLaunching.DEBUG_MODEL)) {
            if (b instanceof LuaLineBreakpoint lua && lua.getMarker() != null && resource.equals(lua.getMarker().getResource())
                    && lua.getMarker().getAttribute(IMarker.LINE_NUMBER, -1) == line) {
                return lua;
            }
        }
        return null;
    }

    @Override
    public String getModelIdentifier() {
        return PearlLaunching.DEBUG_MODEL;
    }

    /** The Lua expression that must be true for the breakpoint to stop, or null. */
    public String getCondition() {
        return blankAsNull(getMarker().getAttribute(CONDITION, null));
    }

    /** Sets the condition; null or blank for none. */
    public void setCondition(String condition) throws CoreException {
        setAttribute(CONDITION, blankAsNull(condition));
    }

    /** The hit condition ({@code 5}, {@code >=5}, {@code %5}...), or null. */
    public String getHitCondition() {
        return blankAsNull(getMarker().getAttribute(HIT_CONDITION, null));
    }

    /** Sets the hit condition; null or blank for none. */
    public void setHitCondition(String hitCondition) throws CoreException {
        setAttribute(HIT_CONDITION, blankAsNull(hitCondition));
    }

    /** Why the debug adapter did not set this breakpoint, or null when it did (or was not asked yet). */
    public String getProblem() {
        return getMarker() == null ? null : getMarker().getAttribute(PROBLEM, null);
    }

    /** Records the adapter's verdict: its problem with the breakpoint, or null. */
    public void setProblem(String problem) throws CoreException {
        if (!Objects.equals(problem, getProblem())) {
            setAttribute(PROBLEM, problem);
        }
    }

    /** Moves the breakpoint to {@code line}, where the adapter set it. */
    public void moveTo(int line) throws CoreException {
        if (line != getLineNumber()) {
            setAttributes(new String[] { IMarker.LINE_NUMBER, IMarker.MESSAGE },
                    new Object[] { line, "Lua breakpoint: " + getMarker().getResource().getName() + " [line: " + line + "]" });
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
