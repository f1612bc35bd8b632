package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.core.model.IWatchExpressionDelegate;
import org.eclipse.debug.core.model.IWatchExpressionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.PearlLaunching;
import pearl.launch.breakpoints.LuaExceptionBreakpoint;
import pearl.launch.breakpoints.LuaLineBreakpoint;
import pearl.launch.model.DapDebugTarget;
import pearl.launch.model.DapStackFrame;
import pearl.launch.model.DapThread;

/**
 * Debug mode through the launch manager: Pearl's debug adapter runs the board, the Eclipse debug
 * model is its client, breakpoints come from the breakpoint manager.
 */
class EmulatorDebugTest {

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void stopsInATimerCallbackStepsAndEnds() throws Exception {
        IFile init = Workspaces.project("ticker", Workspaces.TICKER);
        LuaLineBreakpoint breakpoint = LuaLineBreakpoint.create(init, 10);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "", false).launch(ILaunchManager.DEBUG_MODE, null);
            DapDebugTarget target = (DapDebugTarget) launch.getDebugTarget();
            assertNotNull(target);
            assertEquals(PearlLaunching.DEBUG_MODEL, target.getModelIdentifier());

            DapThread thread = (DapThread) events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class).getSource();
            assertArrayEquals(new IBreakpoint[] { breakpoint }, thread.getBreakpoints());
            IStackFrame[] frames = thread.getStackFrames();
            DapStackFrame callback = (DapStackFrame) frames[0];
            assertEquals(10, callback.getLineNumber());
            assertEquals("init.lua", callback.getSourceName());
            assertEquals(init.getLocation().toOSString(), callback.getSourcePath());
            assertEquals(init, launch.getSourceLocator().getSourceElement(callback), "the editor would not find the frame's file");
            DapStackFrame task = (DapStackFrame) frames[frames.length - 1];
            assertTrue(task.isTaskFrame());
            assertTrue(task.getName().startsWith("tmr callback, timer armed at init.lua:9"), task.getName());
            assertEquals(-1, task.getLineNumber());
            assertEquals("0", variable(callback, "Upvalues", "count").getValue().getValueString());

            thread.stepOver();
            events.await(DebugEvent.RESUME, DebugEvent.STEP_OVER, DapThread.class);
            events.await(DebugEvent.SUSPEND, DebugEvent.STEP_END, DapThread.class);
            DapStackFrame after = (DapStackFrame) thread.getTopStackFrame();
            assertEquals(11, after.getLineNumber());
            assertEquals("2", variable(after, "Locals", "v").getValue().getValueString());
            assertEquals("2", variable(after, "Upvalues", "count").getValue().getValueString());
            IWatchExpressionResult watched = watch("v * 10 + count", after);
            assertFalse(watched.hasErrors(), () -> String.join(", ", watched.getErrorMessages()));
            assertEquals("22", watched.getValue().getValueString());
            IWatchExpressionResult wrong = watch("v.x", after);
            assertTrue(wrong.hasErrors());

            // a line typed in the console runs in the top frame; the views are told to look again
            launch.getProcesses()[0].getStreamsProxy().write("count = 100\n");
            events.await(DebugEvent.CHANGE, DebugEvent.CONTENT, DapThread.class);
            assertEquals("100", variable(after, "Upvalues", "count").getValue().getValueString());

            thread.resume();
            events.await(DebugEvent.RESUME, DebugEvent.CLIENT_REQUEST, DapThread.class);
            events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class);
            assertEquals("100", variable((DapStackFrame) thread.getTopStackFrame(), "Upvalues", "count").getValue().getValueString());
            String uart = launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor().getContents();
            assertTrue(uart.contains("booted") && uart.contains("tick\t2\t100"), uart);

            target.terminate();
            events.await(DebugEvent.TERMINATE, -1, launch.getDebugTarget());
            assertTrue(target.isTerminated());
            assertTrue(thread.isTerminated());
            assertEquals(0, target.getThreads().length);
            assertTrue(launch.getProcesses()[0].isTerminated());
            assertTrue(launch.isTerminated());
        }
    }

    @Test
    void breakpointsMoveToCodeAndFollowTheBreakpointManager() throws Exception {
        IFile init = Workspaces.project("moves", Workspaces.TICKER);
        // line 8 is blank: the adapter sets it on line 9, where the timer is armed at boot
        LuaLineBreakpoint blank = LuaLineBreakpoint.create(init, 8);
        LuaLineBreakpoint pastTheEnd = LuaLineBreakpoint.create(init, 40);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "", false).launch(ILaunchManager.DEBUG_MODE, null);
            DapThread thread = (DapThread) events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class).getSource();
            assertEquals(9, thread.getTopStackFrame().getLineNumber());
            assertEquals(9, blank.getLineNumber());
            assertNull(blank.getProblem());
            assertNotNull(pastTheEnd.getProblem(), "a breakpoint where there is no code is marked as not set");
            assertEquals(40, pastTheEnd.getLineNumber());

            // added while the board stands: a conditional breakpoint in the callback
            LuaLineBreakpoint conditional = new LuaLineBreakpoint(init, 11);
            conditional.setCondition("count >= 6");
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(conditional);
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(blank, true);
            thread.resume();
            events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class);
            DapStackFrame top = (DapStackFrame) thread.getTopStackFrame();
            assertEquals(11, top.getLineNumber());
            assertEquals("6", variable(top, "Upvalues", "count").getValue().getValueString());

            // skipped: the board runs past it, and stops there again once breakpoints count again
            DebugPlugin.getDefault().getBreakpointManager().setEnabled(false);
            thread.resume();
            events.await(DebugEvent.RESUME, -1, DapThread.class);
            Thread.sleep(200);
            assertFalse(thread.isSuspended(), "stopped at a skipped breakpoint: " + thread.stopReason());
            DebugPlugin.getDefault().getBreakpointManager().setEnabled(true);
            events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class);
            assertEquals(11, thread.getTopStackFrame().getLineNumber());

            // gone: the board runs on until paused
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(conditional, true);
            thread.resume();
            events.await(DebugEvent.RESUME, -1, DapThread.class);
            Thread.sleep(200);
            assertFalse(thread.isSuspended(), "stopped at a removed breakpoint: " + thread.stopReason());
            thread.suspend();
            events.await(DebugEvent.SUSPEND, DebugEvent.CLIENT_REQUEST, DapThread.class);
            assertTrue(thread.isSuspended());
            assertEquals("pause", thread.stopReason());
            launch.terminate();
            events.await(DebugEvent.TERMINATE, -1, launch.getDebugTarget());
        }
    }

    @Test
    void aHitConditionStopsOnTheNthHitOnly() throws Exception {
        IFile init = Workspaces.project("hits", Workspaces.TICKER);
        LuaLineBreakpoint third = new LuaLineBreakpoint(init, 11);
        third.setHitCondition("3");
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(third);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "", false).launch(ILaunchManager.DEBUG_MODE, null);
            DapThread thread = (DapThread) events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class).getSource();
            assertEquals("6", variable((DapStackFrame) thread.getTopStackFrame(), "Upvalues", "count").getValue().getValueString());
            launch.terminate();
            events.await(DebugEvent.TERMINATE, -1, launch.getDebugTarget());
        }
    }

    @Test
    void theConsoleOfADebuggedBoardReachesItsRepl() throws Exception {
        IFile init = Workspaces.project("console", "print(\"ready\")\n");
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "", true).launch(ILaunchManager.DEBUG_MODE, null);
            var uart = launch.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor();
            EmulatorRunTest.await(() -> uart.getContents().contains("ready"), uart);
            launch.getProcesses()[0].getStreamsProxy().write("print(6 * 7)\n");
            EmulatorRunTest.await(() -> uart.getContents().contains("42"), uart);
            assertFalse(uart.getContents().contains("print(6 * 7)"),
                    "the console shows the typed line itself; the board's echo of it is not repeated: " + uart.getContents());
            launch.getProcesses()[0].terminate();
            events.await(DebugEvent.TERMINATE, -1, launch.getDebugTarget());
            assertTrue(launch.isTerminated());
        }
    }

    @Test
    void continueToNextTaskStopsAtTheNextCallback() throws Exception {
        IFile init = Workspaces.project("tasks", Workspaces.TICKER);
        LuaLineBreakpoint breakpoint = LuaLineBreakpoint.create(init, 11);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "", false).launch(ILaunchManager.DEBUG_MODE, null);
            DapDebugTarget target = (DapDebugTarget) launch.getDebugTarget();
            events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class);
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(breakpoint, true);
            target.continueToNextTask();
            events.await(DebugEvent.SUSPEND, DebugEvent.STEP_END, DapThread.class);
            DapStackFrame top = (DapStackFrame) target.getBoardThread().getTopStackFrame();
            assertEquals(10, top.getLineNumber());
            assertEquals("2", variable(top, "Upvalues", "count").getValue().getValueString());
            target.disconnect();
            events.await(DebugEvent.TERMINATE, -1, launch.getProcesses()[0]);
            assertTrue(launch.isTerminated());
        }
    }

    @Test
    void anUncaughtErrorStopsTheBoardUnlessItsBreakpointIsOff() throws Exception {
        IFile init = Workspaces.project("broken", """
                local sensor
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                  print(sensor.value)
                end)
                """);
        try (DebugEvents events = new DebugEvents()) {
            // no exception breakpoints in the workspace: the adapter's defaults, errors on
            ILaunch launch = Workspaces.emulator(init.getProject(), "", false).launch(ILaunchManager.DEBUG_MODE, null);
            DapThread thread = (DapThread) events.await(DebugEvent.SUSPEND, DebugEvent.BREAKPOINT, DapThread.class).getSource();
            assertEquals("exception", thread.stopReason());
            assertTrue(thread.stopText().contains("attempt to index upvalue 'sensor'"), thread.stopText());
            assertEquals(3, thread.getTopStackFrame().getLineNumber());
            launch.terminate();
            events.await(DebugEvent.TERMINATE, -1, launch.getDebugTarget());

            LuaExceptionBreakpoint.of(LuaExceptionBreakpoint.UNCAUGHT_ERROR, false);
            ILaunch again = Workspaces.emulator(init.getProject(), "2s", false).launch(ILaunchManager.DEBUG_MODE, null);
            events.await(DebugEvent.TERMINATE, -1, again.getDebugTarget());
            String uart = again.getProcesses()[0].getStreamsProxy().getOutputStreamMonitor().getContents();
            assertTrue(uart.contains("attempt to index upvalue 'sensor'"), uart);
        }
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

    /** The variable {@code name} in scope {@code scope} of {@code frame}. */
    static IVariable variable(DapStackFrame frame, String scope, String name) throws DebugException {
        List<String> seen = new ArrayList<>();
        for (IVariable s : frame.getVariables()) {
            if (s.getName().equals(scope)) {
                for (IVariable v : s.getValue().getVariables()) {
                    if (v.getName().equals(name)) {
                        return v;
                    }
                    seen.add(v.getName());
                }
                throw new AssertionError("no " + name + " in " + scope + ": " + seen);
            }
            seen.add(s.getName());
        }
        throw new AssertionError("no scope " + scope + " in " + seen);
    }

    /** Evaluates as the Expressions view does: through the model's registered watch expression delegate. */
    static IWatchExpressionResult watch(String expression, DapStackFrame frame) throws Exception {
        IWatchExpressionDelegate delegate = DebugPlugin.getDefault().getExpressionManager()
                .newWatchExpressionDelegate(PearlLaunching.DEBUG_MODEL);
        assertNotNull(delegate, "no watch expression delegate for the model");
        CompletableFuture<IWatchExpressionResult> result = new CompletableFuture<>();
        delegate.evaluateExpression(expression, frame, result::complete);
        return result.get(DebugEvents.TIMEOUT_S, TimeUnit.SECONDS);
    }
}
