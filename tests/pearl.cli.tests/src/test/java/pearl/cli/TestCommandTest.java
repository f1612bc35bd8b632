package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pearl test} on NTest suites in NodeMCU's style (tmr, file, gpio, net on a real loopback
 * socket, a module of the project) and on suites that fail, hang, reboot and run out of heap.
 */
class TestCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ServerSocket echo;

    /** A host server on loopback that answers each line with "echo " and the line. */
    @BeforeEach
    void echoServer() throws IOException {
        echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try (Socket s = echo.accept()) {
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
                            .readLine();
                    s.getOutputStream().write(("echo " + line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    s.getInputStream().read(); // until the board closes
                } catch (IOException e) {
                    // closed at the end of the test, or the board went away: the suite says what failed
                }
            }
        }, "echo server");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void closeEcho() throws IOException {
        echo.close();
    }

    /** A copy of the fixture project {@code name} (a folder of test resources) to run. */
    private Path project(String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/" + name).toURI());
        Path to = work.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(to.resolve("echo_port.lua"), "return " + echo.getLocalPort() + "\n");
        return to;
    }

    private int pearl(String... args) {
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("test"));
        all.addAll(List.of(args));
        return new Main(console, Main.defaultCommands()).run(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nodemcuStyleSuitesForTmrFileGpioAndNetAllPass() throws Exception {
        Path project = project("ntest-project");
        assertEquals(0, pearl(project.toString()), out() + err);
        String text = out();
        for (String suite : List.of("NTest_blink.lua", "test/file_test.lua", "test/gpio_test.lua", "test/net_test.lua",
                "test/tmr_test.lua")) {
            assertTrue(text.contains(suite + "\n"), suite + " ran: " + text);
        }
        assertTrue(text.contains("  ok    an auto alarm repeats until stopped ("), text);
        assertTrue(text.contains("  ok    a TCP client gets its line echoed by a host server ("), text);
        assertTrue(text.endsWith("5 suites, 16 tests, 0 failures, 0 errors: PASSED\n"), text);
        assertFalse(text.contains("init.lua ran"), "a test board does not run init.lua");
    }

    @Test
    void namedSuitesRunAloneAndTapGoesToStdout() throws Exception {
        Path project = project("ntest-project");
        assertEquals(0, pearl("--tap", project.toString(), "test/tmr_test.lua"));
        List<String> lines = out().lines().toList();
        assertEquals("TAP version 13", lines.get(0));
        assertEquals("1..5", lines.get(1));
        assertEquals("# test/tmr_test.lua", lines.get(2));
        assertEquals("ok 1 - test/tmr_test.lua: tmr.now counts microseconds forward", lines.get(3));
        assertEquals(8, lines.size(), out());
        assertTrue(lines.stream().skip(3).allMatch(l -> l.matches("ok \\d+ - test/tmr_test\\.lua: .+")), out());
    }

    @Test
    void failuresNameTheirTestAndFailTheRun() throws Exception {
        Path project = project("ntest-failing");
        assertEquals(1, pearl("--for", "5s", project.toString(), "test/mixed_test.lua"));
        String text = out();
        assertTrue(text.contains("  ok    passes ("), text);
        assertTrue(text.contains("  FAIL  assertion fails (") && text.contains("        lists differ: value.2: 2 ~= 3\n"), text);
        assertTrue(text.contains("  ERROR raises (") && text.contains("test/mixed_test.lua:6: attempt to index local 't' (a nil value)"), text);
        assertTrue(text.contains("  FAIL  fails in a callback (") && text.contains("        too late\n"), text);
        assertTrue(text.contains("  ok    runs after the failures ("), text);
        assertTrue(text.contains("  2 passed, 2 failed, 1 errors in "), text);
    }

    @Test
    void aSuiteThatHangsRebootsOrRunsOutOfHeapFailsWithThatReason() throws Exception {
        Path project = project("ntest-failing");
        assertEquals(1, pearl("--for", "3s", "--tap", project.toString(), "test/hang_test.lua", "test/reboot_test.lua",
                "test/oom_test.lua"));
        String tap = out();
        assertTrue(tap.contains("ok 1 - test/hang_test.lua: first\n"), tap);
        assertTrue(tap.contains("not ok 2 - test/hang_test.lua: never calls done\n"), tap);
        assertTrue(tap.contains("message: 'hung: no finish within 3 s of virtual time (test ''never calls done'' was still running)'"), tap);
        assertTrue(tap.contains("not ok 3 - test/reboot_test.lua: restarts the board\n"), tap);
        assertTrue(tap.contains("message: 'the board rebooted: node.restart() (in test ''restarts the board'')'"), tap);
        assertTrue(tap.contains("not ok 4 - test/oom_test.lua: fills the heap in a callback\n"), tap);
        assertTrue(tap.contains("message: 'ran out of heap in test ''fills the heap in a callback'': "), tap);
        assertFalse(tap.contains("never runs"), "the suite stops at the heap's end: " + tap);
        assertTrue(tap.startsWith("TAP version 13\n1..4\n"), tap);
    }

    @Test
    void theJUnitXmlIsValidAgainstItsSchema() throws Exception {
        Path project = project("ntest-failing");
        Path xml = work.resolve("results.xml");
        assertEquals(1, pearl("--for", "3s", "--junit", xml.toString(), project.toString(), "test/mixed_test.lua",
                "test/hang_test.lua"));
        JUnitXmlCheck.validate(xml);
        JUnitXmlCheck.Suites suites = JUnitXmlCheck.read(xml);
        assertEquals(7, suites.tests());
        assertEquals(2, suites.failures());
        assertEquals(2, suites.errors());
        assertEquals(List.of("test/mixed_test.lua", "test/hang_test.lua"), suites.names());
        assertEquals("lists differ: value.2: 2 ~= 3", suites.message("test/mixed_test.lua", "assertion fails", "failure"));
        assertTrue(suites.message("test/hang_test.lua", "never calls done", "error").startsWith("hung: "));
    }

    @Test
    void aProjectsOwnNTestIsTheOneUsed() throws Exception {
        Path project = project("ntest-project");
        // a stand-in framework that records one passing test named after itself
        Files.writeString(project.resolve("NTest.lua"), """
                return function(name)
                  local handler
                  local N = {}
                  function N.report(f) handler = f end
                  function N.test(tname, f)
                    node.task.post(function()
                      handler("start", name); handler("begin", "own " .. tname); f()
                      handler("pass", "own " .. tname); handler("end", "own " .. tname)
                      handler("finish", name, 1, 0)
                    end)
                  end
                  return N
                end
                """);
        Files.writeString(project.resolve("test/own_test.lua"), """
                local N = (... or require "NTest")("own")
                N.test("x", function() end)
                """);
        assertEquals(0, pearl(project.toString(), "test/own_test.lua"), out());
        assertTrue(out().contains("  ok    own x ("), out());
    }
}
