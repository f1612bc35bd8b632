package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The {@code http} client module against a real HTTP server on loopback. */
class HttpModuleTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", ex -> reply(ex, 200, "hi " + ex.getRequestMethod()));
        server.createContext("/echo", ex -> reply(ex, 201, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1)));
        server.createContext("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/hello");
            reply(ex, 302, "");
        });
        server.start();
    }

    private void reply(HttpExchange ex, int status, String body) throws IOException {
        seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " ua=" + ex.getRequestHeaders().getFirst("User-Agent")
                + " type=" + ex.getRequestHeaders().getFirst("Content-Type"));
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        ex.getResponseHeaders().add("X-Board-Test", "yes");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String run(String lua, String until) {
        try (NetBoards net = new NetBoards(lua)) {
            return net.runUntilPrinted(until);
        }
    }

    @Test
    void getCallsBackWithStatusBodyAndLowerCasedHeaders() {
        String out = run("""
                http.get("%s", nil, function(code, body, headers)
                  print("got", code, body, headers["x-board-test"], headers["X-Board-Test"])
                end)
                print("asked")
                """.formatted(url("/hello")), "got");
        assertTrue(out.contains("asked\n"), out);
        assertTrue(out.indexOf("asked") < out.indexOf("got"), "the callback comes later, as a task: " + out);
        assertTrue(out.contains("got\t200\thi GET\tyes\tnil\n"), out);
        assertEquals("GET /hello ua=ESP8266 type=null", seen.get(0));
    }

    @Test
    void postSendsTheBodyAndHeaders() {
        String out = run("""
                http.post("%s", "Content-Type: application/json\\r\\n", '{"led":1}', function(code, body)
                  print("posted", code, body)
                end)
                """.formatted(url("/echo")), "posted");
        assertTrue(out.contains("posted\t201\t{\"led\":1}\n"), out);
        assertEquals("POST /echo ua=ESP8266 type=application/json", seen.get(0));
    }

    @Test
    void redirectsAreFollowed() {
        String out = run("""
                http.get("%s", nil, function(code, body) print("ended", code, body) end)
                """.formatted(url("/old")), "ended");
        assertTrue(out.contains("ended\t200\thi GET\n"), out);
    }

    @Test
    void aRefusedConnectionGivesMinusOne() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String out = run("""
                http.get("http://127.0.0.1:%d/", nil, function(code, body, headers) print("failed", code, body, headers, code == http.ERROR) end)
                """.formatted(closedPort), "failed");
        assertTrue(out.contains("failed\t-1\tnil\tnil\ttrue\n"), out);
    }

    @Test
    void badArgumentsAreWrongArgType() {
        String out = run("""
                print(pcall(http.get, {}, nil, print))
                print(pcall(http.post, "http://x/", nil, {}, print))
                print("done")
                """, "done");
        assertTrue(out.contains("false\twrong arg type\nfalse\twrong arg type\ndone"), out);
    }
}
