package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.debug.LaunchArguments;
import pearl.emulator.ProjectBoard;

/** A debug session from launch to exit: output, reboots, pausing, the REPL, sockets, attaching. */
class SessionTest {

    @TempDir
    Path project;

    @Test
    void uartOutputArrivesAsStdoutAndTheSessionEndsWhenTheRunDoes() throws Exception {
        Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "3500ms");
            dap.start();
            DapClient.get(dap.terminated);
            assertEquals(0, DapClient.get(dap.exited));
            assertTrue(dap.uart.toString().contains("booted\r\n"), dap.uart.toString());
            assertTrue(dap.uart.toString().contains("tick\t6\r\n"));
            assertTrue(!dap.uart.toString().contains("tick\t8"), "3.5 s of virtual time: three ticks");
        }
    }

    @Test
    void theSessionGoesOnAcrossARebootAndStopsInTheNewBoot() throws Exception {
        Path init = Projects.init(project, """
                if not file.exists("booted") then
                  file.putcontents("booted", "yes")
                  node.restart()
                else
                  print("second boot")
                end
                """);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 5, "for", "5s");
            assertTrue(dap.console.toString().contains("board rebooting: node.restart()"), dap.console.toString());
            assertEquals("true", dap.evaluate(dap.stack().get(0), "file.exists('booted')").getResult());
        }
    }

    @Test
    void aRebootLoopEndsTheSessionWithExitCode3() throws Exception {
        Projects.init(project, "tmr.create():alarm(10, tmr.ALARM_SINGLE, function() local x = nil; x.y = 1 end)\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "1m");
            org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments none = new org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments();
            none.setFilters(new String[0]);
            DapClient.get(dap.server.setExceptionBreakpoints(none));
            dap.start();
            assertEquals(3, DapClient.get(dap.exited));
            DapClient.get(dap.terminated);
            assertTrue(dap.console.toString().contains("reboot loop"), dap.console.toString());
        }
    }

    @Test
    void pauseStopsARunningLoopAndLaterBetweenTasks() throws Exception {
        Projects.init(project, """
                tmr.create():alarm(10, tmr.ALARM_AUTO, function()
                  local n = 0
                  for i = 1, 20000 do n = n + i end
                end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "realtime", true);
            dap.start();
            dap.awaitUart("> ");
            DapClient.get(dap.server.pause(new PauseArguments()));
            dap.stopped("pause");
            List<StackFrame> stack = dap.stack();
            assertTrue(stack.get(stack.size() - 1).getName().startsWith("tmr callback") || stack.size() == 1, stack.toString());
            dap.cont();
            DapClient.get(dap.server.pause(new PauseArguments()));
            dap.stopped("pause");
        }
    }

    @Test
    void anIdleBoardPausesBetweenTasks() throws Exception {
        Projects.init(project, "print('idle now')\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "realtime", true);
            dap.start();
            dap.awaitUart("idle now");
            // The boot task may still be ending when its output arrives; a pause then stops in
            // it. Once it has ended, nothing else runs: the pause must find the board idle.
            List<StackFrame> stack = List.of();
            for (int attempt = 0; attempt < 20; attempt++) {
                DapClient.get(dap.server.pause(new PauseArguments()));
                dap.stopped("pause");
                stack = dap.stack();
                if (!stack.get(stack.size() - 1).getName().startsWith("boot")) {
                    break;
                }
                dap.cont();
                Thread.sleep(50);
            }
            assertEquals(1, stack.size(), stack.toString());
            assertTrue(stack.get(0).getName().startsWith("between tasks"), stack.get(0).getName());
        }
    }

    @Test
    void evaluatingWhileTheBoardRunsTypesAtItsRepl() throws Exception {
        Projects.init(project, "print('ready')\n");
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "realtime", true);
            dap.start();
            dap.awaitUart("ready");
            EvaluateArguments args = new EvaluateArguments();
            args.setExpression("print(6 * 7)");
            args.setContext("repl");
            DapClient.get(dap.server.evaluate(args));
            dap.awaitUart("42\r\n");
        }
    }

    @Test
    void aNetReceiveCallbackStopsWithItsTaskNamedAndTheSocketStillOpen() throws Exception {
        Path init = Projects.init(project, """
                local srv = net.createServer(net.TCP, 30)
                srv:listen(80, function(conn)
                  conn:on("receive", function(sock, data)
                    sock:send("echo " .. data)
                  end)
                end)
                """);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "realtime", true);
            dap.breakpoints(init, 4);
            dap.start();
            dap.awaitConsole("port 80 -> ");
            Matcher m = Pattern.compile("port 80 -> 127\\.0\\.0\\.1:(\\d+)").matcher(dap.console.toString());
            assertTrue(m.find());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 5000);
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write("ping".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                dap.stopped("breakpoint");
                List<StackFrame> stack = dap.stack();
                assertTrue(stack.get(stack.size() - 1).getName().startsWith("net receive"), stack.toString());
                assertEquals("\"ping\"", dap.evaluate(stack.get(0), "data").getResult());
                dap.cont();
                InputStream in = socket.getInputStream();
                byte[] answer = new byte[9];
                int n = 0;
                while (n < answer.length) {
                    int r = in.read(answer, n, answer.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                assertEquals("echo ping", new String(answer, 0, n, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void aClientAttachesToABoardSetUpBeforehand() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        LaunchArguments board = new LaunchArguments(ProjectBoard.of(project), 5_000_000, false, false);
        try (DapClient dap = DapClient.attachedTo(board)) {
            DapClient.get(dap.server.attach(java.util.Map.of()));
            DapClient.get(dap.initialized);
            dap.breakpoints(init, 11);
            dap.start();
            dap.stopped("breakpoint");
            assertEquals(11, dap.line());
        }
    }

    @Test
    void disconnectingFromAStoppedBoardEndsTheSession() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        DapClient dap = new DapClient();
        dap.stopAt(init, 11, "for", "5s");
        DapClient.get(dap.server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()));
        DapClient.get(dap.terminated);
        dap.close();
    }
}
