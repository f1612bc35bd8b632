package pearl.emulator.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.StandardSocketOptions;
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
 * <p>
 * Multicast: while the board is a member of groups ({@link MulticastGroups}), a listening socket
 * also has a host multicast socket on the loopback interface, bound to the board's port itself
 * (shared with SO_REUSEADDR), so a host program sending to {@code group:port} on loopback
 * reaches the board as a real network would. When that port cannot be bound on the host (taken
 * without sharing, or privileged), the membership only counts on the board side. Datagrams the
 * board sends to a group go out on loopback too, with the socket's {@code ttl} as their
 * multicast time-to-live: the one time-to-live Java lets a datagram socket set.
 */
public final class UdpSocket extends NetSocket {

    /** Largest datagram payload taken in (an Ethernet frame less IP and UDP headers). */
    public static final int MAX_DATAGRAM = 1472;

    private final MulticastGroups groups;
    private DatagramSocket socket;
    private int boardPort;
    private boolean listening;
    /** The host socket taking in the board's multicast groups, once one is joined; null before. */
    private MulticastSocket multicast;
    /** Set when the board's port could not be bound for multicast: do not try again. */
    private boolean multicastUnavailable;

    /** A new, unbound UDP socket of a board whose group memberships are {@code groups}. */
    public UdpSocket(Board board, LuaTable methods, MulticastGroups groups) {
        super(board, methods);
        this.groups = groups;
    }

    /** {@code udp:listen(port)}: binds and starts receiving; the board announces the host port. */
    public void listen(int port) {
        if (socket != null) {
            throw new LuaError(LwipErrors.text(-8));
        }
        bind(port);
        listening = true;
        board.announcePort("udp", boardPort, (InetSocketAddress) socket.getLocalSocketAddress());
        groups.listening(this);
    }

    private void bind(int port) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new LuaError(LwipErrors.text(-8));
        }
        boardPort = port == 0 ? socket.getLocalPort() : port;
        newPcb();
        try {
            // group sends stay on loopback, where the host's members (and the board's) listen
            socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, MulticastGroups.loopback());
        } catch (IOException | RuntimeException e) {
            // no multicast out (the host has no usable loopback interface): unicast works as before
        }
        io.opened(socket);
        anchor();
        DatagramSocket s = socket;
        Thread reader = new Thread(() -> read(s, s), "pearl net udp " + boardPort);
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads {@code s} (the socket itself or its multicast companion) while {@code owner} is this socket's host socket. */
    private void read(DatagramSocket s, DatagramSocket owner) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                s.receive(packet);
                LuaString data = LuaString.valueOf(Arrays.copyOf(packet.getData(), packet.getLength()));
                LuaValue port = LuaValue.valueOf(packet.getPort());
                LuaValue ip = LuaValue.valueOf(packet.getAddress().getHostAddress());
                arrive("net receive", () -> {
                    if (socket == owner) {
                        fire("receive", data, port, ip);
                    }
                });
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The board joined {@code group}: a listening socket takes in its datagrams from now on. */
    void joinHost(InetAddress group) {
        if (!listening || socket == null || multicastUnavailable) {
            return;
        }
        try {
            if (multicast == null) {
                MulticastSocket m = new MulticastSocket(null);
                m.setReuseAddress(true);
                m.bind(new InetSocketAddress(boardPort));
                multicast = m;
                io.opened(m);
                DatagramSocket owner = socket;
                Thread reader = new Thread(() -> read(m, owner), "pearl net multicast " + boardPort);
                reader.setDaemon(true);
                reader.start();
            }
            multicast.joinGroup(new InetSocketAddress(group, 0), MulticastGroups.loopback());
        } catch (IOException | RuntimeException e) {
            multicastUnavailable = true; // the membership stays on the board's books only
            closeMulticast();
        }
    }

    /** The board left {@code group}. */
    void leaveHost(InetAddress group) {
        if (multicast == null) {
            return;
        }
        try {
            multicast.leaveGroup(new InetSocketAddress(group, 0), MulticastGroups.loopback());
        } catch (IOException e) {
            // not a member on the host side
        }
    }

    /** Whether datagrams to the board's groups reach this socket through a host multicast socket. */
    public boolean receivesMulticast() {
        return multicast != null;
    }

    private void closeMulticast() {
        if (multicast != null) {
            io.closed(multicast);
            multicast.close();
            multicast = null;
        }
    }

    @Override
    protected boolean hasPcb() {
        return socket != null;
    }

    @Override
    protected void applyTtl(int newTtl) {
        try {
            socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, newTtl);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // kept on the board's side only
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
        listening = false;
        groups.closed(this);
        closeMulticast();
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
