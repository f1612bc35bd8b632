package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code pearl run --dap PORT}: a board that waits for a debugger, which attaches over TCP. */
class DapCommandTest {

    @TempDir
    Path project;

    private final PearlCli cli = new PearlCli();

    @Test
    void aDebuggerAttachesToABoardStartedWithDapAndStopsAtItsBreakpoint() throws Exception {
        Files.writeString(project.resolve("init.lua"), "local n = 6 * 7\nprint('answer', n)\n");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.run("run", "--dap", "0", "--for", "2s", project.toString()));
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher("");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!m.reset(cli.err()).find()) {
            assertTrue(System.nanoTime() < end, "no port announced: " + cli.err());
            Thread.sleep(20);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
            socket.setSoTimeout(30_000);
            OutputStream to = socket.getOutputStream();
            InputStream from = socket.getInputStream();
            send(to, 1, "initialize", "{\"adapterID\":\"test\"}");
            send(to, 2, "attach", "{}");
            send(to, 3, "setBreakpoints", "{\"source\":{\"path\":\"" + project.resolve("init.lua").toString().replace("\\", "\\\\")
                    + "\"},\"breakpoints\":[{\"line\":2}]}");
            send(to, 4, "configurationDone", null);
            JsonObject stopped = until(from, "stopped");
            assertEquals("breakpoint", stopped.getAsJsonObject("body").get("reason").getAsString());
            send(to, 5, "continue", "{\"threadId\":1}");
            JsonObject exited = until(from, "exited");
            assertEquals(0, exited.getAsJsonObject("body").get("exitCode").getAsInt());
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertTrue(cli.err().contains("waiting for a DAP client on 127.0.0.1:"));
    }

    @Test
    void aBadPortIsAUsageError() {
        assertEquals(Main.USAGE, cli.run("dap", "--port", "99999"));
        assertTrue(cli.err().contains("0 to 65535"), cli.err());
    }

    private static void send(OutputStream to, int seq, String command, String arguments) throws IOException {
        String body = "{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\""
                + (arguments == null ? "" : ",\"arguments\":" + arguments) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        to.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        to.write(bytes);
        to.flush();
    }

    /** Reads messages until the event {@code name}; fails on an error response. */
    private static JsonObject until(InputStream from, String name) throws IOException {
        while (true) {
            StringBuilder header = new StringBuilder();
            while (!header.toString().endsWith("\r\n\r\n")) {
                int c = from.read();
                if (c < 0) {
                    throw new IOException("the adapter closed the connection before '" + name + "'");
                }
                header.append((char) c);
            }
            Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(header);
            assertTrue(length.find(), header.toString());
            String body = new String(from.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
            JsonObject message = JsonParser.parseString(body).getAsJsonObject();
            if (message.get("type").getAsString().equals("response")) {
                assertTrue(message.get("success").getAsBoolean(), body);
            } else if (message.get("type").getAsString().equals("event") && message.get("event").getAsString().equals(name)) {
                return message;
            }
        }
    }
}
