package pearl.emulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;

/**
 * A UDP socket ({@code net.udpsocket}) on a real host datagram socket bound to loopback. Each
 * datagram is one {@code receive(sock, data, port, ip)} task; a send binds the socket on demand
 * and its {@code sent} callback follows at once, as UDP has nothing to wait for.
 */
public final class UdpSocket extends NetSocket {

    /** Largest datagram payload taken in (an Ethernet frame less IP and UDP headers). */
    public static final int MAX_DATAGRAM = 1472;

    private DatagramSocket socket;
    private int boardPort;

    /** A new, unbound UDP socket. */
    public UdpSocket(Board board, LuaTable methods) {
        super(board, methods);
    }

    /** {@code udp:listen(port)}: binds and starts receiving; the board announces the host port. */
    public void listen(int port) {
        if (socket != null) {
            throw new LuaError(LwipErrors.text(-8));
        }
        bind(port);
        board.announcePort("udp", boardPort, (InetSocketAddress) socket.getLocalSocketAddress());
    }

    private void bind(int port) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new LuaError(LwipErrors.text(-8));
        }
        boardPort = port == 0 ? socket.getLocalPort() : port;
        io.opened(socket);
        anchor();
        DatagramSocket s = socket;
        Thread reader = new Thread(() -> read(s), "pearl net udp " + boardPort);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(DatagramSocket s) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                s.receive(packet);
                LuaString data = LuaString.valueOf(Arrays.copyOf(packet.getData(), packet.getLength()));
                LuaValue port = LuaValue.valueOf(packet.getPort());
                LuaValue ip = LuaValue.valueOf(packet.getAddress().getHostAddress());
                arrive("net receive", () -> {
                    if (socket == s) {
                        fire("receive", data, port, ip);
                    }
                });
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** {@code udp:send(port, ip, data)}. */
    public void send(int port, InetAddress ip, LuaString data) {
        if (socket == null) {
            bind(0);
        }
        byte[] bytes = new byte[data.length()];
        data.copyInto(0, bytes, 0, bytes.length);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, ip, port));
        } catch (IOException e) {
            throw new LuaError(LwipErrors.text(-4));
        }
        DatagramSocket s = socket;
        arrive("net sent", () -> {
            if (socket == s) {
                fire("sent");
            }
        });
    }

    /** {@code udp:close()}. */
    public void close() {
        closeHost();
        release();
    }

    @Override
    protected void closeHost() {
        if (socket != null) {
            io.closed(socket);
            socket.close();
            socket = null;
        }
    }

    /** {@code udp:getaddr()}: the board's port and ip, or nil, nil. */
    public Varargs address() {
        return socket == null ? LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL)
                : LuaValue.varargsOf(LuaValue.valueOf(boardPort), LuaValue.valueOf("0.0.0.0"));
    }
}
