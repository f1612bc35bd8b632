package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.debug.StackFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stepping in, over and out, across tasks, and into a callback when the firmware runs it. */
class SteppingTest {

    @TempDir
    Path project;

    @Test
    void stopOnEntryStopsAtTheFirstLineOfInitLua() throws Exception {
        Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "5s", "stopOnEntry", true);
            dap.start();
            dap.stopped("entry");
            List<StackFrame> stack = dap.stack();
            assertEquals(1, stack.get(0).getLine());
            assertEquals("main chunk", stack.get(0).getName());
            assertTrue(!dap.uart.toString().contains("booted"));
        }
    }

    @Test
    void stepOverGoesLineByLineWithoutEnteringCalls() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 10, "for", "5s");
            dap.next();
            dap.stopped("step");
            assertEquals(11, dap.line());
            assertEquals("2", dap.evaluate(dap.stack().get(0), "v").getResult());
        }
    }

    @Test
    void stepInEntersTheCalledFunctionAndStepOutReturnsToTheCaller() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 10, "for", "5s");
            dap.stepIn();
            dap.stopped("step");
            List<StackFrame> stack = dap.stack();
            assertEquals(5, stack.get(0).getLine());
            assertEquals("function 'bump'", stack.get(0).getName());
            assertEquals(10, stack.get(1).getLine());
            dap.stepOut();
            dap.stopped("step");
            assertEquals(11, dap.line(), "back in the callback, on the line after the call");
            assertEquals(2, dap.stack().size(), "the callback's frame and the task's");
        }
    }

    @Test
    void steppingOverTheEndOfATaskStopsAtTheNextTasksFirstLine() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 13, "for", "5s");
            dap.next(); // past print("booted"): the boot task ends
            dap.stopped("step");
            List<StackFrame> stack = dap.stack();
            assertEquals(10, stack.get(0).getLine());
            assertTrue(stack.get(stack.size() - 1).getName().startsWith("tmr callback"), stack.toString());
        }
    }

    @Test
    void continueToNextTaskSkipsTheRestOfThisTask() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 1, "for", "5s");
            dap.breakpoints(init, new int[0]);
            dap.nextTask();
            dap.stopped("step");
            assertEquals(10, dap.line());
            assertTrue(dap.uart.toString().contains("booted"), "the boot task ran to its end first");
        }
    }

    @Test
    void stepInOnALineThatRegistersACallbackStopsInTheCallbackWhenItRuns() throws Exception {
        Path init = Projects.init(project, """
                local t = tmr.create()
                t:alarm(500, tmr.ALARM_SINGLE, function()
                  print("fired")
                end)
                print("armed")
                """);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 2, "for", "5s");
            dap.stepIn(); // to the callback's 'end' line, where the function is made
            dap.stopped("step");
            assertEquals(4, dap.line());
            dap.stepIn(); // the call of t:alarm hands the function to the firmware
            dap.stopped("step");
            List<StackFrame> stack = dap.stack();
            assertEquals(3, stack.get(0).getLine());
            assertTrue(dap.uart.toString().contains("armed"), "init.lua ran to its end before the timer fired");
            assertTrue(stack.get(1).getName().startsWith("tmr callback, timer armed at init.lua:2"), stack.get(1).getName());
        }
    }

    @Test
    void compiledCodeWithoutDebugInformationIsSteppedByInstruction() throws Exception {
        Projects.file(project, "lib.lua", """
                local M = {}
                function M.twice(x)
                  local y = x * 2
                  return y
                end
                return M
                """);
        Path init = Projects.init(project, """
                node.stripdebug(3)
                node.compile("lib.lua")
                local lib = dofile("lib.lc")
                local r = lib.twice(21)
                print("result", r)
                """);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 4, "for", "5s");
            dap.stepIn();
            dap.stopped("step");
            List<StackFrame> stack = dap.stack();
            assertEquals(0, stack.get(0).getLine(), "no line information: the frame shows no line");
            assertEquals(4, stack.get(1).getLine());
            dap.stepIn();
            dap.stopped("step");
            assertEquals(0, dap.line(), "still in the stripped function, one instruction on");
            dap.stepOut();
            dap.stopped("step");
            assertEquals(5, dap.line());
            assertEquals("42", dap.evaluate(dap.stack().get(0), "r").getResult());
        }
    }
}
