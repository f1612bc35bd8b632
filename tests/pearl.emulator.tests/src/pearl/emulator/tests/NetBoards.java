package pearl.emulator.tests;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import pearl.emulator.BoardListener;

/**
 * A {@link TestBoards} board whose servers are reached on loopback: it records the host ports the
 * board's ports map to, and runs in short slices until something the host side waits for happens.
 */
final class NetBoards implements AutoCloseable {

    final TestBoards test;
    private final Map<String, InetSocketAddress> ports = new ConcurrentHashMap<>();

    NetBoards(String initLua) {
        test = new TestBoards(initLua);
        test.board.addListener(new BoardListener() {
            @Override
            public void portMapped(String protocol, int boardPort, InetSocketAddress host) {
                ports.put(protocol + boardPort, host);
            }
        });
    }

    /** The host address of the board's {@code protocol} port, booting the board until it listens. */
    InetSocketAddress port(String protocol, int boardPort) {
        runUntil(() -> ports.containsKey(protocol + boardPort), 5_000);
        InetSocketAddress a = ports.get(protocol + boardPort);
        if (a == null) {
            throw new AssertionError("the board never listened on " + protocol + " port " + boardPort + ":\n" + test.text());
        }
        return a;
    }

    /** Runs the board in 20 ms slices until {@code done} or {@code maxMillis} of real time passed. */
    void runUntil(BooleanSupplier done, long maxMillis) {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            test.board.runFor(20_000);
        }
    }

    /** Runs until the UART shows {@code text}; returns the UART text. */
    String runUntilPrinted(String text) {
        runUntil(() -> test.text().contains(text), 10_000);
        return test.text();
    }

    @Override
    public void close() {
        test.board.closeHostIo();
    }
}
