package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl run} and {@code pearl repl} on a project folder, as a user runs them. */
class RunCommandTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pearl(InputStream in, String... args) {
        Console console = new Console(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Main(console, Main.defaultCommands()).run(List.of(args));
    }

    private int pearl(String... args) {
        return pearl(new ByteArrayInputStream(new byte[0]), args);
    }

    private String out() {
        return out.toString(StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsTheProjectInVirtualTimeAndPrintsTheUart() throws IOException {
        Files.writeString(project.resolve("init.lua"), "dofile('app.lua')\n");
        Files.writeString(project.resolve("app.lua"), """
                local ticks = 0
                tmr.create():alarm(1000, tmr.ALARM_AUTO, function()
                  ticks = ticks + 1
                  if ticks % 3600 == 0 then print("hours", ticks / 3600) end
                end)
                """);
        assertEquals(0, pearl("run", "--for", "10801s", project.toString()), err());
        assertTrue(out().contains(" powered by Lua 5.1.4 on SDK"), out());
        assertTrue(out().endsWith("> hours\t1\nhours\t2\nhours\t3\n"), out());
    }

    @Test
    void realtimePacesTheBoardToTheWallClock() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                local n = 0
                tmr.create():alarm(500, tmr.ALARM_AUTO, function() n = n + 1; print("tick", n) end)
                """);
        long started = System.nanoTime();
        assertEquals(0, pearl("run", "--realtime", "--for", "1600ms", project.toString()), err());
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(out().endsWith("> tick\t1\ntick\t2\ntick\t3\n"), out());
        // Virtual time never runs ahead of the wall clock: three half-second ticks take 1.5 s at least.
        assertTrue(wallMillis >= 1500, "took " + wallMillis + " ms");
    }

    @Test
    void aMissingProjectFolderIsAClearError() {
        assertEquals(2, pearl("run", project.resolve("nope").toString()));
        assertEquals("pearl run: no such project folder: " + project.resolve("nope") + "\n", err());
    }

    @Test
    void aFileTooLargeForSpiffsIsNamed() throws IOException {
        Files.write(project.resolve("firmware-dump.bin"), new byte[4 * 1024 * 1024]);
        assertEquals(2, pearl("run", project.toString()));
        assertTrue(err().startsWith("pearl run: " + project.resolve("firmware-dump.bin") + ": 4194304 bytes do not fit"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void aBinaryFileNamedLuaIsWarnedAboutAndTheBoardSaysWhy() throws IOException {
        Files.write(project.resolve("init.lua"), new byte[] { 'x', 0, 1, 2, (byte) 0xff, '\n' });
        assertEquals(0, pearl("run", "--for", "1s", project.toString()));
        assertTrue(err().contains("warning: init.lua is not Lua text"), err());
        assertTrue(out().contains("lua: init.lua:1: "), out());
    }

    @Test
    void aRebootLoopEndsTheRunWithExitCode3AndItsCause() throws IOException {
        Files.writeString(project.resolve("init.lua"), "tmr.create():alarm(100, tmr.ALARM_SINGLE, function() wifi_setup() end)\n");
        assertEquals(3, pearl("run", "--for", "1m", project.toString()));
        assertTrue(err().contains("pearl run: reboot loop: the board restarted 3 times"), err());
        assertTrue(err().contains("attempt to call global 'wifi_setup' (a nil value)"), err());
        assertEquals(0, pearl("run", "--safe-boot", "--for", "1m", project.toString()), "safe boot breaks the loop");
    }

    @Test
    void theSameSeedGivesTheSameRun() throws IOException {
        Files.writeString(project.resolve("init.lua"), "print(node.random(1000), math.random(1000), node.random())\n");
        pearl("run", "--seed", "7", "--for", "1s", project.toString());
        String first = out();
        out.reset();
        pearl("run", "--seed", "7", "--for", "1s", project.toString());
        assertEquals(first, out());
        out.reset();
        pearl("run", "--seed", "8", "--for", "1s", project.toString());
        assertFalse(first.equals(out()), "another seed, other numbers");
    }

    @Test
    void theBoardProfileWiresInputsAndSensors() throws IOException {
        Files.writeString(project.resolve("init.lua"), """
                gpio.mode(3, gpio.INT)
                gpio.trig(3, 'up', function(level, when) print('button', level, when) end)
                tmr.create():alarm(1000, tmr.ALARM_SINGLE, function() print('adc', adc.read(0)) end)
                """);
        Path profile = project.resolve(".board.json");
        Files.writeString(profile, """
                {"modules": ["node", "tmr", "gpio", "adc"],
                 "hardware": {"gpio": [{"at": 500, "pin": 3, "level": 1}], "adc": 640}}
                """);
        assertEquals(0, pearl("run", "--profile", profile.toString(), "--for", "2s", project.toString()), err());
        assertTrue(out().contains("button\t1\t500000\nadc\t640\n"), out());
        Files.writeString(profile, """
                {"modules": ["node"], "hardware": {"i2c": [{"device": "eeprom"}]}}
                """);
        assertEquals(2, pearl("run", "--profile", profile.toString(), project.toString()));
        assertTrue(err().contains("unknown device \"eeprom\""), err());
    }

    @Test
    void theBoardProfileChoosesModulesAndHeap() throws IOException {
        // free heap at boot is the profile's, less what init.lua's own code takes
        Files.writeString(project.resolve("init.lua"), "local free = node.heap() print(free > 29000 and free <= 30000, gpio)\n");
        Path profile = project.resolve(".board.json");
        Files.writeString(profile, "{\"modules\": [\"node\", \"tmr\", \"file\"], \"heap\": 30000}");
        assertEquals(0, pearl("run", "--profile", profile.toString(), "--for", "1s", project.toString()), err());
        assertTrue(out().contains("\tmodules: file,node,pipe,tmr\n"), out());
        assertTrue(out().contains("true\tnil\n"), out());
        Files.writeString(profile, "{\"modules\": [\"node\"], \"heap\": 200}");
        assertEquals(2, pearl("run", "--profile", profile.toString(), project.toString()));
        assertTrue(err().contains("heap is the free heap at boot in bytes, between 4096 and 81920"), err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, pearl("run", "--for", "soon", project.toString()));
        assertTrue(err().contains("--for takes a duration such as 500ms, 10s, 5m, 24h or 2d, not 'soon'"), err());
    }

    @Test
    void theReplAnswersLinesFromStdin() throws IOException {
        Files.writeString(project.resolve("init.lua"), "greeting = 'hi'\n");
        byte[] typed = "print(greeting)\n=6*7\nfor i = 1, 2 do\nprint(i)\nend\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, pearl(new ByteArrayInputStream(typed), "repl", project.toString()));
        // the board echoes what arrives as it arrives (here, all at once: before or after its first prompt)
        assertTrue(out().contains("print(greeting)\n=6*7\nfor i = 1, 2 do\nprint(i)\nend\n"), out());
        assertTrue(out().endsWith("hi\n> 42\n> >> >> 1\n2\n> "), out());
    }

    @Test
    void ptyExposesTheUartToSerialTools() throws Exception {
        Files.writeString(project.resolve("init.lua"), "print('booted')\n");
        CompletableFuture<Integer> repl = CompletableFuture.supplyAsync(() -> pearl("repl", "--pty", "--for", "30s", project.toString()));
        Pattern uartOn = Pattern.compile("UART on (/dev/pts/\\d+)");
        String device = null;
        for (int i = 0; i < 200 && device == null; i++) {
            Matcher m = uartOn.matcher(err());
            if (m.find()) {
                device = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(device != null, "no 'UART on /dev/pts/N' on stderr: " + err());
        try (FileOutputStream toBoard = new FileOutputStream(device); FileInputStream fromBoard = new FileInputStream(device)) {
            toBoard.write("print(6*7)\r\n".getBytes(StandardCharsets.ISO_8859_1));
            toBoard.flush();
            StringBuilder seen = new StringBuilder();
            byte[] buffer = new byte[256];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!seen.toString().contains("\r\n42\r\n> ") && System.nanoTime() < deadline) {
                int n = fromBoard.read(buffer);
                if (n > 0) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            }
            assertTrue(seen.toString().contains("print(6*7)\r\n42\r\n> "), seen.toString());
        }
        repl.cancel(true);
    }

    @Test
    void onATerminalTheReplEchoesOnceAndCtrlBracketQuits() throws Exception {
        Path jar = Path.of("../../bundles/pearl.cli/target/pearl.cli-0.1.0-SNAPSHOT-all.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "the command line is built: " + jar);
        Files.writeString(project.resolve("init.lua"), "print('ready')\n");
        // script(1) gives the command a real terminal, as a user's shell would
        Process p = new ProcessBuilder("script", "-qec", "java -jar " + jar + " repl " + project, "/dev/null")
                .redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                byte[] b = new byte[256];
                int n;
                while ((n = p.getInputStream().read(b)) > 0) {
                    synchronized (seen) {
                        seen.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        waitFor(seen, "ready");
        p.getOutputStream().write("print(6*7)\r".getBytes(StandardCharsets.ISO_8859_1));
        p.getOutputStream().flush();
        waitFor(seen, "42");
        p.getOutputStream().write(0x1d);
        p.getOutputStream().flush();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "Ctrl+] ends the session: " + seen);
        reader.join(5000);
        String text = seen.toString().replace("\r", "");
        assertTrue(text.contains("Ctrl+] quits"), text);
        assertEquals(1, text.split("print\\(6\\*7\\)", -1).length - 1, "the line shows once, echoed by the board: " + text);
        assertTrue(text.contains("print(6*7)\n42\n> "), text);
    }

    private static void waitFor(StringBuilder seen, String text) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            synchronized (seen) {
                if (seen.indexOf(text) >= 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        synchronized (seen) {
            throw new AssertionError("no '" + text + "' in: " + seen);
        }
    }

    @Test
    void runMapsTheBoardsServerPortToAHostPortAndSaysWhich() throws Exception {
        Files.writeString(project.resolve("init.lua"), """
                srv = net.createServer()
                srv:listen(80, function(conn)
                  conn:on("receive", function(sck, req) sck:send("HTTP/1.0 200 OK\\r\\n\\r\\nboard says hi") end)
                  conn:on("sent", function(sck) sck:close() end)
                end)
                """);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> pearl("run", "--for", "4s", project.toString()));
        Matcher mapping = Pattern.compile("net: port 80 -> 127\\.0\\.0\\.1:(\\d+)\n").matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!mapping.reset(err()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(mapping.reset(err()).find(), err());
        String reply;
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.parseInt(mapping.group(1)))) {
            s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertEquals("HTTP/1.0 200 OK\r\n\r\nboard says hi", reply);
        assertEquals(0, run.get(20, TimeUnit.SECONDS), err());
    }
}
