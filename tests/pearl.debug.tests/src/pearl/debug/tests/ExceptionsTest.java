package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exception breakpoints: a Lua error, one a pcall catches, the heap running out, the watchdog. */
class ExceptionsTest {

    @TempDir
    Path project;

    private static void filters(DapClient dap, String... filters) {
        SetExceptionBreakpointsArguments args = new SetExceptionBreakpointsArguments();
        args.setFilters(filters);
        DapClient.get(dap.server.setExceptionBreakpoints(args));
    }

    @Test
    void anUncaughtErrorInACallbackStopsWhereItIsRaisedWithTheFramesLive() throws Exception {
        Projects.init(project, """
                local sensor = nil
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                  local reading = sensor.value
                end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "5s");
            filters(dap, "error");
            dap.start();
            StoppedEventArguments stop = dap.stopped("exception");
            assertTrue(stop.getText().contains("init.lua:3: attempt to index upvalue 'sensor' (a nil value)"), stop.getText());
            List<StackFrame> stack = dap.stack();
            assertEquals(3, stack.get(0).getLine());
            assertEquals("nil", dap.evaluate(stack.get(0), "sensor").getResult());
            var info = DapClient.get(dap.server.exceptionInfo(new ExceptionInfoArguments()));
            assertEquals("Lua error", info.getExceptionId());
            dap.cont();
            dap.awaitUart("attempt to index upvalue 'sensor'");
            dap.awaitConsole("board rebooting: panic");
        }
    }

    @Test
    void anErrorAPcallCatchesStopsOnlyWithTheCaughtFilter() throws Exception {
        Projects.init(project, """
                local ok, err = pcall(function() error("first") end)
                print("caught", err)
                local ok2, err2 = pcall(function() error("second") end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "2s");
            filters(dap, "error");
            dap.start();
            DapClient.get(dap.terminated);
            assertTrue(dap.stops.isEmpty(), "a caught error does not stop by default");
            assertTrue(dap.uart.toString().contains("caught\tinit.lua:1: first"));
        }
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "2s");
            filters(dap, "caught");
            dap.start();
            StoppedEventArguments stop = dap.stopped("exception");
            assertTrue(stop.getText().contains("first"), stop.getText());
            dap.cont();
            assertTrue(dap.stopped("exception").getText().contains("second"));
        }
    }

    @Test
    void theWatchdogStopsTheBoardBeforeItResets() throws Exception {
        Projects.init(project, """
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                  local n = 0
                  while true do n = n + 1 end
                end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "3s");
            filters(dap, "watchdog");
            dap.start();
            StoppedEventArguments stop = dap.stopped("exception");
            assertTrue(stop.getDescription().contains("Watchdog"), stop.getDescription());
            StackFrame frame = dap.stack().get(0);
            assertEquals(3, frame.getLine());
            assertTrue(Long.parseLong(dap.evaluate(frame, "n").getResult()) > 1000);
            dap.cont();
            dap.awaitConsole("board rebooting: watchdog reset");
        }
    }

    @Test
    void runningOutOfHeapStopsAtTheAllocation() throws Exception {
        Projects.init(project, """
                local hog = {}
                tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                  for i = 1, 100000 do hog[i] = "entry " .. i end
                end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "3s");
            filters(dap, "memory");
            dap.start();
            StoppedEventArguments stop = dap.stopped("exception");
            assertTrue(stop.getDescription().contains("out of memory"), stop.getDescription());
            assertEquals(3, dap.line());
        }
    }

    @Test
    void anUnknownFilterIsRefused() throws Exception {
        Projects.init(project, "print(1)\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "1s");
            SetExceptionBreakpointsArguments args = new SetExceptionBreakpointsArguments();
            args.setFilters(new String[] { "segfault" });
            assertTrue(DapClient.error(dap.server.setExceptionBreakpoints(args)).contains("segfault"));
        }
    }
}
