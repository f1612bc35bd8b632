package pearl.debug.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import pearl.debug.DebugServers;
import pearl.debug.PearlDebugServer;

/**
 * A real connection to a debug adapter: the adapter serves one client on a loopback port, as
 * {@code pearl dap --port} does. (Piped streams will not do: they break when a thread that wrote
 * to them ends, and the adapter writes from several.)
 */
final class Wire {

    private Wire() {
    }

    /** Starts {@code adapter} on a free loopback port and connects to it. */
    static Socket connect(PearlDebugServer adapter) throws IOException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread serving = new Thread(() -> {
            try {
                DebugServers.serveOneClient(adapter, 0, port::complete);
            } catch (IOException e) {
                port.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dap server");
        serving.setDaemon(true);
        serving.start();
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port.get(10, TimeUnit.SECONDS));
            socket.setTcpNoDelay(true);
            return socket;
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("the adapter did not listen", e));
        }
    }
}
