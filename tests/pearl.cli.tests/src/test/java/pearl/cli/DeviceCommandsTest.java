package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl upload}, {@code files}, {@code console}, {@code rescue} as a user meets them. */
class DeviceCommandsTest {

    @TempDir
    Path dir;

    /** One command run: its exit code, stdout and stderr. */
    record Run(int code, String out, String err) {
    }

    private static Run pearl(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = new Main(console, Main.defaultCommands()).run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingPortIsNamedByEveryCommand() throws Exception {
        Path file = Files.writeString(dir.resolve("app.lua"), "print(1)\n");
        for (String[] args : new String[][] { { "upload", "--port", "/dev/ttyPEARL9", file.toString() },
                { "files", "--port", "/dev/ttyPEARL9", "list" }, { "console", "--port", "/dev/ttyPEARL9" },
                { "rescue", "--port", "/dev/ttyPEARL9" } }) {
            Run run = pearl("", args);
            assertEquals(1, run.code(), String.join(" ", args));
            assertTrue(run.err().startsWith("pearl " + args[0] + ": no such port: /dev/ttyPEARL9"), run.err());
        }
    }

    @Test
    void withoutAPortTheUsageSaysWhatIsMissing() {
        Run run = pearl("", "upload", "app.lua");
        assertEquals(Main.USAGE, run.code());
        assertTrue(run.err().contains("--port"), run.err());
    }

    @Test
    void uploadListRunAndConsoleAgainstAnEmulatedBoardOnAPty() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("init.lua"), "print('ready')\n");
        ByteArrayOutputStream boardErr = new ByteArrayOutputStream();
        PrintStream boardErrStream = new PrintStream(boardErr, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> board = CompletableFuture.supplyAsync(() -> new Main(
                new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()), boardErrStream),
                Main.defaultCommands()).run(List.of("repl", "--pty", "--for", "60s", project.toString())));
        Pattern uartOn = Pattern.compile("UART on (/dev/pts/\\d+)");
        String device = null;
        for (int i = 0; i < 200 && device == null; i++) {
            Matcher m = uartOn.matcher(boardErr.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                device = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(device != null, boardErr.toString(StandardCharsets.UTF_8));
        try {
            Path app = Files.writeString(dir.resolve("app.lua"), "-- greets\nprint('hello ' .. 6 * 7)\n");
            Run upload = pearl("", "upload", "--port", device, "--minify", app.toString());
            assertEquals(0, upload.code(), upload.err());
            assertTrue(upload.out().contains("app.lua: uploaded and verified"), upload.out());
            Run list = pearl("", "files", "--port", device, "list");
            assertTrue(list.out().matches("(?s).*app\\.lua\\s+\\d+\\n.*init\\.lua\\s+15\\n.*"), list.out());
            Run run = pearl("", "files", "--port", device, "run", "app.lua");
            assertEquals("hello 42\n", run.out());
            Run console = pearl("print(node.heap() > 0)\n", "console", "--port", device);
            assertTrue(console.out().contains("print(node.heap() > 0)\r\ntrue\r\n> "), console.out());
        } finally {
            board.cancel(true);
        }
    }
}
