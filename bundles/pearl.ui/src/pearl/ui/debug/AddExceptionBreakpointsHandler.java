package pearl.ui.debug;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;

import pearl.launch.breakpoints.LuaExceptionBreakpoint;

/**
 * "Add NodeMCU Exception Breakpoints": one breakpoint per exception the board can stop at (Lua
 * error, error caught by pcall, PANIC, watchdog reset), as the adapter has them by default; the
 * Breakpoints view's check boxes then turn each on or off.
 */
public final class AddExceptionBreakpointsHandler extends AbstractHandler {

    /** The command's id in plugin.xml. */
    public static final String COMMAND = "pearl.ui.debug.addExceptionBreakpoints";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            LuaExceptionBreakpoint.ofEveryFilter();
        } catch (CoreException e) {
            throw new ExecutionException("Could not add the NodeMCU exception breakpoints", e);
        }
        return null;
    }
}
