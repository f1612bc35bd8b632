package pearl.emulator.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;

/**
 * A TCP server ({@code net.tcpserver}) on a real host socket. It listens on loopback at a free host
 * port, whatever port the project asked for, and the board announces the mapping. Each accepted
 * connection becomes a {@link TcpConnection} handed to the listen callback in a task of its own.
 */
public final class TcpServer extends NetSocket {

    private final long idleMs;
    private final LuaTable socketMethods;
    private ServerSocket server;
    private int boardPort;
    private String boardIp;

    /** A server closing connections idle for {@code timeoutSeconds}; accepted sockets get {@code socketMethods}. */
    public TcpServer(Board board, LuaTable methods, LuaTable socketMethods, long timeoutSeconds) {
        super(board, methods);
        this.idleMs = timeoutSeconds * 1000;
        this.socketMethods = socketMethods;
    }

    /** {@code srv:listen(port, ip, fn)}; a port of 0 takes the host's free port as the board's. */
    public void listen(int port, String ip, LuaValue onConnect) {
        if (server != null) {
            throw new LuaError("already listening");
        }
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            server = null;
            throw new LuaError(LwipErrors.text(-8));
        }
        boardPort = port == 0 ? server.getLocalPort() : port;
        boardIp = ip;
        io.opened(server);
        on("connection", onConnect);
        anchor();
        board.announcePort("tcp", boardPort, (InetSocketAddress) server.getLocalSocketAddress());
        ServerSocket s = server;
        Thread accepter = new Thread(() -> accept(s), "pearl net server " + boardPort);
        accepter.setDaemon(true);
        accepter.start();
    }

    private void accept(ServerSocket s) {
        try {
            while (true) {
                Socket client = s.accept();
                client.setTcpNoDelay(true);
                arrive("net connection", () -> accepted(s, client));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void accepted(ServerSocket s, Socket client) {
        if (server != s) {
            try {
                client.close();
            } catch (IOException e) {
                // the server closed meanwhile
            }
            return;
        }
        TcpConnection connection = TcpConnection.accepted(board, socketMethods, client, boardPort, idleMs);
        fireWith("connection", connection.userdata());
        connection.startReading();
    }

    private void fireWith(String event, LuaValue socket) {
        // the listen callback gets the new connection, not the server
        if (hasCallback(event)) {
            board.call(callback(event), socket);
        }
    }

    /** {@code srv:close()}. */
    public void close() {
        closeHost();
        release();
    }

    @Override
    protected boolean hasPcb() {
        return server != null;
    }

    @Override
    protected void closeHost() {
        if (server == null) {
            return;
        }
        io.closed(server);
        try {
            server.close();
        } catch (IOException e) {
            // closed anyway
        }
        server = null;
    }

    /** {@code srv:getaddr()}: the board's port and ip, or nil, nil. */
    public Varargs address() {
        return server == null ? LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL)
                : LuaValue.varargsOf(LuaValue.valueOf(boardPort), LuaValue.valueOf(boardIp));
    }
}
