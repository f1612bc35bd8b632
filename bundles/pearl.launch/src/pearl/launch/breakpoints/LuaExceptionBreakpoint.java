package pearl.launch.breakpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;

import pearl.debug.PearlDebugServer;
import pearl.launch.PearlLaunching;

/**
 * Stops the board at one kind of trouble, an exception filter of the debug adapter: an uncaught
 * Lua error, an error caught by pcall, PANIC (out of memory), a watchdog reset. A filter with no
 * such breakpoint keeps the adapter's default (all on but caught errors).
 */
public class LuaExceptionBreakpoint extends Breakpoint {

    /** Marker attribute: the adapter's filter id. */
    public static final String FILTER = "pearl.launch.filter";
    /** An error no pcall catches. */
    public static final String UNCAUGHT_ERROR = "error";
    /** An error a pcall, xpcall or coroutine catches. */
    public static final String CAUGHT_ERROR = "caught";
    /** The Lua heap is exhausted (PANIC). */
    public static final String OUT_OF_MEMORY = "memory";
    /** A task ran past the watchdog's limit. */
    public static final String WATCHDOG = "watchdog";

    /** For the breakpoint manager, which restores breakpoints from their markers. */
    public LuaExceptionBreakpoint() {
    }

    /** A breakpoint for {@code filter}, on or off, not yet registered. */
    public LuaExceptionBreakpoint(String filter, boolean enabled) throws CoreException {
        IResource root = ResourcesPlugin.getWorkspace().getRoot();
        run(getMarkerRule(root), monitor -> {
            IMarker marker = root.createMarker(PearlLaunching.EXCEPTION_BREAKPOINT_MARKER);
            marker.setAttributes(Map.of(IBreakpoint.ID, PearlLaunching.DEBUG_MODEL, IBreakpoint.ENABLED, enabled, FILTER, filter,
                    IMarker.MESSAGE, "Lua exception breakpoint: " + filter));
            setMarker(marker);
        });
    }

    /** The breakpoint for {@code filter}, made and registered if there is none yet. */
    public static LuaExceptionBreakpoint of(String filter, boolean enabledIfNew) throws CoreException {
        LuaExceptionBreakpoint known = find(filter);
        if (known != null) {
            return known;
        }
        LuaExceptionBreakpoint made = new LuaExceptionBreakpoint(filter, enabledIfNew);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(made);
        return made;
    }

    /**
     * A breakpoint for every exception the debug adapter can stop at, registered; those made now
     * are on or off as the adapter has them by default (all but caught errors on), those there
     * already are left as they are. In the adapter's order.
     */
    public static List<LuaExceptionBreakpoint> ofEveryFilter() throws CoreException {
        List<LuaExceptionBreakpoint> all = new ArrayList<>();
        for (ExceptionBreakpointsFilter filter : PearlDebugServer.exceptionBreakpointFilters()) {
            all.add(of(filter.getFilter(), Boolean.TRUE.equals(filter.getDefault_())));
        }
        return all;
    }

    /** The registered breakpoint for {@code filter}, or null. */
    public static LuaExceptionBreakpoint find(String filter) {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PearlLaunching.DEBUG_MODEL)) {
            if (b instanceof LuaExceptionBreakpoint e && filter.equals(e.getFilter())) {
                return e;
            }
        }
        return null;
    }

    /** The adapter's filter id this breakpoint turns on or off. */
    public String getFilter() {
        IMarker marker = getMarker();
        return marker == null ? null : marker.getAttribute(FILTER, null);
    }

    /** What the adapter calls this breakpoint's exception ("Watchdog reset"), or its filter id if it offers no such filter. */
    public String getLabel() {
        String filter = getFilter();
        for (ExceptionBreakpointsFilter offered : PearlDebugServer.exceptionBreakpointFilters()) {
            if (offered.getFilter().equals(filter)) {
                return offered.getLabel();
            }
        }
        return filter;
    }

    @Override
    public String getModelIdentifier() {
        return PearlLaunching.DEBUG_MODEL;
    }
}
