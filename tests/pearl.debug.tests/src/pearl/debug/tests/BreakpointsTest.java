package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line breakpoints: where they land, and conditions, hit counts and logpoints on a running board. */
class BreakpointsTest {

    @TempDir
    Path project;

    @Test
    void breakpointsLandOnLinesWithCodeAndMoveForwardFromOthers() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "5s");
            // 10: code; 3: blank, the next code is bump's body on 5; 8: blank, the next code is 9;
            // 7: the 'end' where the main chunk makes the function bump
            assertArrayEquals(new int[] { 10, 5, 9, 7 }, dap.breakpoints(init, 10, 3, 8, 7));
            // past the last line there is nothing to stop at
            assertEquals(-40, dap.breakpoints(init, 40)[0]);
        }
    }

    @Test
    void aFileThatDoesNotCompileGetsUnverifiedBreakpointsSayingWhy() throws Exception {
        Projects.init(project, "print('x')\n");
        Path broken = Projects.file(project, "broken.lua", "local x = = 1\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "1s");
            SetBreakpointsArguments args = new SetBreakpointsArguments();
            Source s = new Source();
            s.setPath(broken.toString());
            args.setSource(s);
            args.setBreakpoints(new SourceBreakpoint[] { DapClient.at(1, null, null, null) });
            var b = DapClient.get(dap.server.setBreakpoints(args)).getBreakpoints()[0];
            assertEquals(false, b.isVerified());
            assertTrue(b.getMessage().contains("broken.lua:1"), b.getMessage());
        }
    }

    @Test
    void theBoardStopsAtABreakpointInATimerCallbackEachTimeItRuns() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 11, "for", "10s");
            assertEquals(11, dap.line());
            dap.cont();
            dap.stopped("breakpoint");
            assertTrue(dap.uart.toString().contains("tick\t2"), dap.uart.toString());
            assertTrue(!dap.uart.toString().contains("tick\t4"), "stopped before the second tick printed");
        }
    }

    @Test
    void aConditionStopsOnlyWhenTrueInTheFrame() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "10s");
            dap.breakpoints(init, DapClient.at(11, "v == 6", null, null));
            dap.start();
            dap.stopped("breakpoint");
            assertEquals("6", dap.evaluate(dap.stack().get(0), "v").getResult());
            assertTrue(dap.uart.toString().contains("tick\t4"));
        }
    }

    @Test
    void aHitCountStopsOnTheNthHit() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "10s");
            dap.breakpoints(init, DapClient.at(11, null, "3", null));
            dap.start();
            dap.stopped("breakpoint");
            assertEquals("6", dap.evaluate(dap.stack().get(0), "v").getResult());
        }
    }

    @Test
    void aBadHitCountIsRefusedWithAReason() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "1s");
            assertTrue(dap.breakpoints(init, DapClient.at(11, null, "often", null))[0] < 0);
        }
    }

    @Test
    void aLogpointPrintsItsMessageWithValuesAndDoesNotStop() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "3500ms");
            dap.breakpoints(init, DapClient.at(11, null, null, "v is {v}, ten times {v * 10}"));
            dap.start();
            DapClient.get(dap.terminated);
            assertTrue(dap.console.toString().contains("v is 2, ten times 20\n"), dap.console.toString());
            assertTrue(dap.console.toString().contains("v is 6, ten times 60\n"), dap.console.toString());
            assertTrue(dap.stops.isEmpty(), "a logpoint never stops");
        }
    }

    @Test
    void breakpointsSetWhileTheBoardRunsTakeEffect() throws Exception {
        Path init = Projects.init(project, "local n = 0\nwhile true do\n  n = n + 1\n  if n % 1000 == 0 then tmr.wdclr() end\nend\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "1h");
            dap.start();
            dap.awaitUart("NodeMCU");
            Thread.sleep(100);
            dap.breakpoints(init, 3);
            dap.stopped("breakpoint");
            assertEquals(3, dap.line());
        }
    }
}
