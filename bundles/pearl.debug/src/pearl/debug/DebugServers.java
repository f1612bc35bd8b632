package pearl.debug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** Serves the debug adapter over a pair of streams (stdio) or a TCP connection. */
public final class DebugServers {

    private DebugServers() {
    }

    /**
     * Serves {@code server} on {@code in}/{@code out} until the input ends.
     *
     * @return what ends when the client is gone
     */
    public static Future<Void> serve(PearlDebugServer server, InputStream in, OutputStream out) {
        Launcher<IDebugProtocolClient> launcher = DSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /** Serves {@code server} on {@code in}/{@code out} and returns when the client is gone. */
    public static void serveUntilDone(PearlDebugServer server, InputStream in, OutputStream out) throws InterruptedException {
        try {
            serve(server, in, out).get();
        } catch (ExecutionException e) {
            // the stream broke: the client is gone all the same
        } finally {
            // a client that vanished without 'disconnect' leaves no board running behind it
            server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments());
        }
    }

    /**
     * Listens on loopback {@code port} (0: any free one) and serves the first client that
     * connects, until it disconnects.
     *
     * @param listening told the port once the socket listens
     */
    public static void serveOneClient(PearlDebugServer server, int port, java.util.function.IntConsumer listening)
            throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            listening.accept(socket.getLocalPort());
            try (Socket client = socket.accept()) {
                // a response and the event after it go out at once, not after a delayed ACK
                client.setTcpNoDelay(true);
                serveUntilDone(server, client.getInputStream(), client.getOutputStream());
            }
        }
    }

    /**
     * Serves {@code server} on a free loopback port from a thread of its own and returns a
     * connection to it: for a client in the same process (the IDE, tests, benchmarks). A socket,
     * not piped streams: a pipe breaks when a thread that wrote to it ends, and the adapter writes
     * from several.
     */
    public static Socket connectInProcess(PearlDebugServer server) throws IOException {
        java.util.concurrent.CompletableFuture<Integer> port = new java.util.concurrent.CompletableFuture<>();
        Thread serving = new Thread(() -> {
            try {
                serveOneClient(server, 0, port::complete);
            } catch (IOException e) {
                port.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pearl dap server");
        serving.setDaemon(true);
        serving.start();
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port.get(10, java.util.concurrent.TimeUnit.SECONDS));
            socket.setTcpNoDelay(true);
            return socket;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the debug adapter did not start listening: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the debug adapter started", e);
        }
    }
}
