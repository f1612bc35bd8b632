package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.breakpoints.LuaExceptionBreakpoint;
import pearl.launch.breakpoints.LuaLineBreakpoint;

/** The breakpoints as the editor's ruler and the Breakpoints view make and find them. */
class LuaBreakpointsTest {

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void aLineBreakpointIsFoundByItsFileAndLine() throws Exception {
        IFile init = Workspaces.project("find", Workspaces.TICKER);
        LuaLineBreakpoint made = LuaLineBreakpoint.create(init, 10);
        assertSame(made, LuaLineBreakpoint.find(init, 10));
        assertNull(LuaLineBreakpoint.find(init, 11));
        assertNull(LuaLineBreakpoint.find(Workspaces.project("other", Workspaces.TICKER), 10));
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(made, true);
        assertNull(LuaLineBreakpoint.find(init, 10));
    }

    @Test
    void everyExceptionOfTheAdapterGetsABreakpointOnAsTheAdapterHasIt() throws Exception {
        // one the user made before and turned on stays as it is
        LuaExceptionBreakpoint caught = LuaExceptionBreakpoint.of(LuaExceptionBreakpoint.CAUGHT_ERROR, true);
        List<LuaExceptionBreakpoint> all = LuaExceptionBreakpoint.ofEveryFilter();
        assertEquals(List.of("error", "caught", "memory", "watchdog"), all.stream().map(LuaExceptionBreakpoint::getFilter).toList());
        assertSame(caught, all.get(1));
        assertTrue(caught.isEnabled());
        assertTrue(all.get(0).isEnabled() && all.get(2).isEnabled() && all.get(3).isEnabled());
        assertEquals(List.of("Lua error", "Lua error caught by pcall", "PANIC / out of memory", "Watchdog reset"),
                all.stream().map(LuaExceptionBreakpoint::getLabel).toList());

        assertEquals(all, LuaExceptionBreakpoint.ofEveryFilter(), "made again");
        all.get(3).setEnabled(false);
        assertFalse(LuaExceptionBreakpoint.ofEveryFilter().get(3).isEnabled(), "a breakpoint turned off is turned on again");
    }
}
