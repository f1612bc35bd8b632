package pearl.emulator.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.BoardTimer;
import pearl.emulator.TimerMode;
import pearl.emulator.lua.LuaMemoryError;

/**
 * A TCP socket ({@code net.tcpsocket}) on a real host socket: a client from
 * {@code net.createConnection()}, or a connection a server accepted. Its reader thread hands each
 * read of up to {@value #FRAME} bytes to the board as one {@code receive} task, as lwIP hands over
 * one pbuf per frame. Sends are copied into a send buffer of {@value #SEND_BUFFER} bytes (lwIP's
 * TCP_SND_BUF, two segments); {@code sent} fires once everything queued has left. Queued bytes
 * are heap on the board (lwIP's pbufs come from the same heap as Lua's objects), so they count
 * as part of the socket until they have left. Java cannot set a TCP socket's time-to-live: its
 * {@code ttl} is kept, not applied.
 */
public final class TcpConnection extends NetSocket {

    /** Most bytes one {@code receive} callback gets: a TCP segment's payload (MSS 1460). */
    public static final int FRAME = 1460;
    /** Bytes the send buffer holds; a send beyond it fails with lwIP's ERR_MEM. */
    public static final int SEND_BUFFER = 2 * FRAME;

    private Socket socket;
    private ExecutorService writer;
    private int unsent;
    private boolean held;
    private boolean connecting;
    private int boardPort;
    private BoardTimer idle;
    private long idleMs;

    /** A new, unconnected client socket. */
    public TcpConnection(Board board, LuaTable methods) {
        super(board, methods);
    }

    /** A connection a server accepted on {@code boardPort}, closed after {@code idleMs} without traffic (0: never). */
    static TcpConnection accepted(Board board, LuaTable methods, Socket socket, int boardPort, long idleMs) {
        TcpConnection c = new TcpConnection(board, methods);
        c.boardPort = boardPort;
        c.idleMs = idleMs;
        c.attach(socket);
        return c;
    }

    /** Whether it has a connection (or one is being made). */
    public boolean isConnected() {
        return socket != null || connecting;
    }

    private void attach(Socket s) {
        socket = s;
        io.opened(s);
        writer = Executors.newSingleThreadExecutor(r -> daemon(r, "pearl net writer"));
        anchor();
        touch();
    }

    /** Starts reading: from now on arrivals become {@code receive} tasks. */
    void startReading() {
        Socket s = socket;
        if (s == null) {
            return; // closed by the callback that accepted it: nothing to read
        }
        daemon(() -> read(s), "pearl net reader").start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void read(Socket s) {
        byte[] buffer = new byte[FRAME];
        try {
            InputStream in = s.getInputStream();
            while (true) {
                waitWhileHeld();
                int n = in.read(buffer);
                if (n < 0) {
                    arrive("net disconnection", () -> lost(s, LwipErrors.OK));
                    return;
                }
                LuaString data = LuaString.valueOf(Arrays.copyOf(buffer, n));
                arrive("net receive", () -> received(s, data));
            }
        } catch (IOException e) {
            arrive("net disconnection", () -> lost(s, LwipErrors.RST));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void waitWhileHeld() throws InterruptedException {
        while (held) {
            wait();
        }
    }

    /** {@code sock:hold()}: stops taking in data (the peer's window fills). */
    public synchronized void hold() {
        held = true;
    }

    /** {@code sock:unhold()}: takes in data again. */
    public synchronized void unhold() {
        held = false;
        notifyAll();
    }

    private void received(Socket s, LuaString data) {
        if (socket != s) {
            return; // closed meanwhile
        }
        touch();
        fire("receive", data);
    }

    private void lost(Socket s, int error) {
        if (socket != s) {
            return; // closed here first
        }
        closeHost();
        release();
        notifyDisconnect(error);
    }

    private void notifyDisconnect(int error) {
        boolean reconnect = error != LwipErrors.OK && hasCallback("reconnection");
        fire(reconnect ? "reconnection" : "disconnection", LuaValue.valueOf(error));
    }

    /** {@code sock:connect(port, host)}: connects in the background; {@code connection} or an error callback follows. */
    public void connect(int port, String host) {
        if (isConnected()) {
            throw new LuaError("already connected");
        }
        connecting = true;
        newPcb();
        anchor();
        // the board waits for the host's answer (connected or refused) as for any it asked for:
        // without this an idle board run fast in virtual time is done before the host connects
        io.expect();
        daemon(() -> {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getByName(host), port), 10_000);
                arrive("net connection", () -> connected(s));
            } catch (IOException e) {
                arrive("net reconnection", () -> failed(s));
            } finally {
                io.settle(1);
            }
        }, "pearl net connect").start();
    }

    private void connected(Socket s) {
        if (!connecting) {
            closeQuietly(s); // closed before the connection came
            return;
        }
        connecting = false;
        boardPort = s.getLocalPort();
        attach(s);
        fire("connection");
        startReading();
    }

    private void failed(Socket s) {
        closeQuietly(s);
        if (!connecting) {
            return;
        }
        connecting = false;
        release();
        notifyDisconnect(LwipErrors.RST);
    }

    /** {@code sock:send(data)}: queues a copy; raises {@code out of memory} when the send buffer is full. */
    public void send(LuaString data) {
        if (socket == null) {
            throw new LuaError("not connected");
        }
        if (unsent + data.length() > SEND_BUFFER) {
            throw new LuaError(LwipErrors.text(LwipErrors.MEM));
        }
        try {
            board.lua().hooks().allocate(data.length()); // the pbufs of the copy
        } catch (LuaMemoryError e) {
            throw new LuaError(LwipErrors.text(LwipErrors.MEM)); // lwIP's allocation failed
        }
        Socket s = socket;
        byte[] bytes = new byte[data.length()];
        data.copyInto(0, bytes, 0, bytes.length);
        unsent += bytes.length;
        touch();
        writer.execute(() -> {
            try {
                s.getOutputStream().write(bytes);
                s.getOutputStream().flush();
                arrive("net sent", () -> sent(s, bytes.length));
            } catch (IOException e) {
                arrive("net disconnection", () -> lost(s, LwipErrors.ABRT));
            }
        });
    }

    private void sent(Socket s, int bytes) {
        if (socket != s) {
            return;
        }
        unsent -= bytes;
        if (unsent == 0) {
            fire("sent");
        }
    }

    /** {@code sock:close()}: closes the connection once what was queued has been written. */
    public void close() {
        if (!isConnected()) {
            throw new LuaError("not connected");
        }
        connecting = false;
        closeHost();
        release();
    }

    /** The idle timeout restarts with traffic. */
    private void touch() {
        if (idleMs <= 0) {
            return;
        }
        if (idle == null) {
            idle = board.scheduler().createTimer();
        }
        Socket s = socket;
        board.syncClock();
        idle.alarm(idleMs, TimerMode.SINGLE, t -> {
            if (socket == s) {
                closeHost();
                release();
                notifyDisconnect(LwipErrors.TIMEOUT);
            }
        });
    }

    @Override
    protected boolean hasPcb() {
        return isConnected();
    }

    /** The struct and the bytes queued but not yet sent. */
    @Override
    public int heapBytes() {
        return STRUCT_BYTES + unsent;
    }

    @Override
    protected void closeHost() {
        Socket s = socket;
        socket = null;
        unsent = 0;
        if (idle != null) {
            idle.unregister();
        }
        if (s == null) {
            return;
        }
        io.closed(s);
        unhold();
        // the writer finishes what was queued, then the socket closes
        writer.execute(() -> closeQuietly(s));
        writer.shutdown();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** {@code sock:getpeer()}: the remote port and ip, or nil, nil. */
    public Varargs peer() {
        return socket == null ? LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL)
                : LuaValue.varargsOf(LuaValue.valueOf(socket.getPort()), LuaValue.valueOf(socket.getInetAddress().getHostAddress()));
    }

    /** {@code sock:getaddr()}: the local port (as the board numbers it) and ip, or nil, nil. */
    public Varargs address() {
        return socket == null ? LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL)
                : LuaValue.varargsOf(LuaValue.valueOf(boardPort), LuaValue.valueOf(socket.getLocalAddress().getHostAddress()));
    }
}
