package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import pearl.debug.PearlDebugServer;

/** Bad messages and bad requests get error responses, and the adapter keeps serving. */
class ProtocolErrorsTest {

    @TempDir
    Path project;

    /** Raw DAP frames in and out of a server. */
    private static final class RawWire implements AutoCloseable {
        final java.net.Socket socket;
        final java.io.OutputStream in;
        final InputStream out;
        int seq;

        RawWire() throws IOException {
            socket = pearl.debug.DebugServers.connectInProcess(new PearlDebugServer());
            in = socket.getOutputStream();
            out = socket.getInputStream();
        }

        void send(String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            in.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.write(bytes);
            in.flush();
        }

        int request(String command, String arguments) throws IOException {
            int s = ++seq;
            send("{\"seq\":" + s + ",\"type\":\"request\",\"command\":\"" + command + "\""
                    + (arguments == null ? "" : ",\"arguments\":" + arguments) + "}");
            return s;
        }

        /** The next message that is a response (events are skipped). */
        JsonObject response() throws IOException {
            while (true) {
                JsonObject m = read();
                if (m.get("type").getAsString().equals("response")) {
                    return m;
                }
            }
        }

        JsonObject read() throws IOException {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int length = -1;
            while (true) {
                int c = out.read();
                if (c < 0) {
                    throw new IOException("the server closed the stream");
                }
                header.write(c);
                String h = header.toString(StandardCharsets.US_ASCII);
                if (h.endsWith("\r\n\r\n")) {
                    for (String line : h.split("\r\n")) {
                        if (line.startsWith("Content-Length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    break;
                }
            }
            byte[] body = out.readNBytes(length);
            return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void malformedJsonUnknownCommandsAndBadArgumentsGetErrorsAndTheServerGoesOn() throws Exception {
        try (RawWire wire = new RawWire()) {
            int init = wire.request("initialize", "{\"adapterID\":\"raw\"}");
            JsonObject r = wire.response();
            assertEquals(init, r.get("request_seq").getAsInt());
            assertTrue(r.get("success").getAsBoolean());

            wire.send("{\"seq\": 50, \"type\": \"request\", \"command\": \"threads\", oops}");
            JsonObject broken = wire.response();
            assertFalse(broken.get("success").getAsBoolean(), broken.toString());

            int unknown = wire.request("flyToTheMoon", "{}");
            JsonObject u = wire.response();
            assertEquals(unknown, u.get("request_seq").getAsInt());
            assertFalse(u.get("success").getAsBoolean());

            int launch = wire.request("launch", "{\"for\": \"10s\"}");
            JsonObject l = wire.response();
            assertEquals(launch, l.get("request_seq").getAsInt());
            assertFalse(l.get("success").getAsBoolean());
            assertTrue(l.get("message").getAsString().contains("project"), l.toString());

            int badFor = wire.request("launch", "{\"project\": \"/tmp\", \"for\": \"soon\"}");
            JsonObject f = wire.response();
            assertEquals(badFor, f.get("request_seq").getAsInt());
            assertTrue(f.get("message").getAsString().contains("soon"), f.toString());

            int stack = wire.request("stackTrace", "{\"threadId\": 1}");
            JsonObject st = wire.response();
            assertEquals(stack, st.get("request_seq").getAsInt());
            assertFalse(st.get("success").getAsBoolean());

            int threads = wire.request("threads", null);
            JsonObject t = wire.response();
            assertEquals(threads, t.get("request_seq").getAsInt());
            assertTrue(t.get("success").getAsBoolean(), "still serving after all that: " + t);
        }
    }

    @Test
    void aMissingProjectFolderIsNamed() throws Exception {
        try (DapClient dap = new DapClient()) {
            String error = DapClient.error(dap.server.launch(Map.of("project", project.resolve("nope").toString())));
            assertTrue(error.contains("no such project folder") && error.contains("nope"), error);
        }
    }
}
