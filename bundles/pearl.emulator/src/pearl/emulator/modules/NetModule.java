package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;

import java.net.InetAddress;
import java.util.Set;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.RomTable;
import pearl.emulator.net.DnsLookup;
import pearl.emulator.net.MulticastGroups;
import pearl.emulator.net.NetSocket;
import pearl.emulator.net.Ping;
import pearl.emulator.net.RegistryRefs;
import pearl.emulator.net.TcpConnection;
import pearl.emulator.net.TcpServer;
import pearl.emulator.net.UdpSocket;

/**
 * {@code net}: TCP servers and clients and UDP sockets on real host sockets on loopback, and DNS
 * through the host's resolver. Every socket callback runs as a task on the board's scheduler; the
 * callbacks live in the registry, so a callback capturing its own socket leaks it as on the board.
 * The interfaces ({@code net.ifinfo}) and who answers a {@link Ping} come from the board's
 * {@link WifiModule}; multicast memberships are the board's ({@link MulticastGroups}).
 */
public final class NetModule implements FirmwareModule {

    /** The server idle timeout {@code net.createServer()} gives, in seconds. */
    public static final int DEFAULT_SERVER_TIMEOUT = 30;

    private static final Set<String> TCP_EVENTS = Set.of("connection", "reconnection", "disconnection", "receive", "sent", "dns");
    private static final Set<String> UDP_EVENTS = Set.of("receive", "sent", "dns");
    private static final String DEFAULT_DNS = "208.67.222.222";
    /** Echo requests {@code net.ping} sends unless told. */
    private static final int DEFAULT_PING_COUNT = 4;

    private final NetInterfaces interfaces;

    /** The module on a board without wifi: no interface has an address. */
    public NetModule() {
        this(null);
    }

    /** The module on a board whose interfaces {@code wifi} runs. */
    public NetModule(WifiModule wifi) {
        this.interfaces = new NetInterfaces(wifi);
    }

    @Override
    public String name() {
        return "net";
    }

    @Override
    public void define(RomTable net, Board board) {
        RomTable tcp = methods("net.tcpsocket");
        RomTable server = methods("net.tcpserver");
        RomTable udp = methods("net.udpsocket");
        defineTcp(tcp, board);
        defineServer(server);
        defineUdp(udp, board);
        udp.rawset("ttl", tcp.rawget("ttl")); // the same check and pcb field for both
        tcp.seal();
        server.seal();
        udp.seal();

        LibraryFunction.define(net, "createConnection", args -> new TcpConnection(board, tcp).userdata());
        LibraryFunction.define(net, "createServer", args -> {
            int timeout = optInt(args, 1, DEFAULT_SERVER_TIMEOUT);
            return new TcpServer(board, server, tcp, timeout).userdata();
        });
        MulticastGroups groups = new MulticastGroups();
        LibraryFunction.define(net, "createUDPSocket", args -> new UdpSocket(board, udp, groups).userdata());
        LibraryFunction.define(net, "multicastJoin", args -> {
            InetAddress[] m = membership(args);
            groups.join(m[0], m[1]);
            return LuaValue.NONE;
        });
        LibraryFunction.define(net, "multicastLeave", args -> {
            InetAddress[] m = membership(args);
            groups.leave(m[0], m[1]);
            return LuaValue.NONE;
        });
        LibraryFunction.define(net, "ifinfo", args -> interfaces.ifinfo(checkInt(args, 1)));
        LibraryFunction.define(net, "ping", args -> {
            String host = checkString(args, 1).tojstring();
            int n = 2;
            int count = DEFAULT_PING_COUNT;
            if (args.arg(n).isnumber()) {
                count = checkInt(args, n);
                if (count < 1) {
                    throw LuaArgs.argError(n, "count must be positive");
                }
                n++;
            }
            LuaValue onReceive = LuaArgs.checkFunction(args, n);
            LuaValue onSent = args.arg(n + 1);
            if (!onSent.isnil() && !onSent.isfunction()) {
                throw LuaArgs.typeError(args, n + 1, "function");
            }
            Ping.start(board, interfaces::distance, host, count, onReceive, onSent);
            return LuaValue.NONE;
        });

        RomTable dns = new RomTable("net.dns");
        String[] servers = { DEFAULT_DNS, "0.0.0.0" };
        LibraryFunction.define(dns, "resolve", args -> {
            String host = checkString(args, 1).tojstring();
            LuaValue fn = LuaArgs.checkFunction(args, 2);
            LuaTable registry = board.lua().registry();
            int ref = RegistryRefs.ref(registry, fn); // held while the lookup is pending
            DnsLookup.resolve(board.hostIo(), host, ip -> {
                RegistryRefs.unref(registry, ref);
                board.call(fn, LuaValue.varargsOf(LuaValue.NIL, ip));
            });
            return LuaValue.NONE;
        });
        LibraryFunction.define(dns, "getdnsserver", args -> LuaValue.valueOf(servers[serverIndex(args, 1)]));
        LibraryFunction.define(dns, "setdnsserver", args -> {
            String ip = checkString(args, 1).tojstring();
            if (DnsLookup.parseIp(ip) == null) {
                throw new LuaError("invalid dns server ip");
            }
            servers[serverIndex(args, 2)] = ip;
            return LuaValue.NONE;
        });
        net.rawset("dns", dns.seal());
    }

    /**
     * The interface and group of {@code multicastJoin/Leave(if_ip, mc_ip)}: if_ip "" or "any"
     * means every interface (as the firmware takes them); both must be dotted quads, the group
     * a multicast one.
     */
    private static InetAddress[] membership(Varargs args) {
        if (!args.arg(1).isstring()) {
            throw new LuaError("wrong arg type");
        }
        String ifText = args.arg(1).tojstring();
        InetAddress iface = ifText.isEmpty() || ifText.equalsIgnoreCase("any") ? DnsLookup.parseIp("0.0.0.0") : DnsLookup.parseIp(ifText);
        if (iface == null) {
            throw new LuaError("invalid if ip");
        }
        if (!args.arg(2).isstring()) {
            throw new LuaError("wrong arg type");
        }
        InetAddress group = MulticastGroups.parseGroup(args.arg(2).tojstring());
        if (group == null) {
            throw new LuaError("invalid multicast ip");
        }
        return new InetAddress[] { iface, group };
    }

    private static int serverIndex(Varargs args, int n) {
        int i = checkInt(args, n);
        if (i < 0 || i > 1) {
            throw new LuaError("server index out of range [0-1]");
        }
        return i;
    }

    private static RomTable methods(String name) {
        RomTable t = new RomTable(name);
        t.rawset(LuaValue.INDEX, t);
        return t;
    }

    private static <T extends NetSocket> T self(Varargs args, Class<T> type, String typeName) {
        if (args.arg1() instanceof LuaUserdata u && type.isInstance(u.m_instance)) {
            return type.cast(u.m_instance);
        }
        throw LuaArgs.typeError(args, 1, typeName);
    }

    private static TcpConnection tcp(Varargs args) {
        return self(args, TcpConnection.class, "net.tcpsocket");
    }

    private static UdpSocket udp(Varargs args) {
        return self(args, UdpSocket.class, "net.udpsocket");
    }

    private static TcpServer server(Varargs args) {
        return self(args, TcpServer.class, "net.tcpserver");
    }

    private static void defineTcp(RomTable m, Board board) {
        LibraryFunction.define(m, "connect", args -> {
            TcpConnection s = tcp(args);
            int port = checkInt(args, 2);
            if (port == 0) {
                throw new LuaError("specify port");
            }
            String host = args.arg(3).isstring() ? args.arg(3).tojstring() : "127.0.0.1";
            s.connect(port, host);
            return LuaValue.NONE;
        });
        defineOn(m, args -> tcp(args), TCP_EVENTS);
        LibraryFunction.define(m, "send", args -> {
            TcpConnection s = tcp(args);
            LuaString data = checkString(args, 2);
            if (data.length() == 0) {
                throw new LuaError("no data to send");
            }
            if (args.arg(3).isfunction()) {
                s.on("sent", args.arg(3));
            }
            s.send(data);
            return LuaValue.NONE;
        });
        LibraryFunction.define(m, "close", args -> {
            tcp(args).close();
            return LuaValue.NONE;
        });
        LibraryFunction.define(m, "hold", args -> {
            tcp(args).hold();
            return LuaValue.NONE;
        });
        LibraryFunction.define(m, "unhold", args -> {
            tcp(args).unhold();
            return LuaValue.NONE;
        });
        defineDns(m, board, args -> tcp(args));
        LibraryFunction.define(m, "getpeer", args -> tcp(args).peer());
        LibraryFunction.define(m, "getaddr", args -> tcp(args).address());
        LibraryFunction.define(m, "ttl", args -> {
            NetSocket s = args.arg1() instanceof LuaUserdata u && u.m_instance instanceof NetSocket n && !(n instanceof TcpServer) ? n : null;
            if (s == null) {
                throw new LuaError("invalid user data");
            }
            return LuaValue.valueOf(s.ttl(optInt(args, 2, -1)));
        });
    }

    private static void defineServer(RomTable m) {
        LibraryFunction.define(m, "listen", args -> {
            TcpServer s = server(args);
            int n = 2;
            int port = 0;
            String ip = "0.0.0.0";
            if (args.arg(n).isnumber()) {
                port = checkInt(args, n++);
            }
            if (args.arg(n).isstring() && !args.arg(n).isnumber()) {
                ip = args.arg(n++).tojstring();
                if (DnsLookup.parseIp(ip) == null) {
                    throw new LuaError("invalid IP address");
                }
            }
            if (!args.arg(n).isfunction()) {
                throw new LuaError("need callback");
            }
            s.listen(port, ip, args.arg(n));
            return LuaValue.NONE;
        });
        LibraryFunction.define(m, "getaddr", args -> server(args).address());
        LibraryFunction.define(m, "close", args -> {
            server(args).close();
            return LuaValue.NONE;
        });
    }

    private static void defineUdp(RomTable m, Board board) {
        LibraryFunction.define(m, "listen", args -> {
            UdpSocket s = udp(args);
            s.listen(optInt(args, 2, 0));
            return LuaValue.NONE;
        });
        defineOn(m, args -> udp(args), UDP_EVENTS);
        LibraryFunction.define(m, "send", args -> {
            UdpSocket s = udp(args);
            if (args.arg(2).isnil()) {
                throw new LuaError("need port");
            }
            int port = checkInt(args, 2);
            InetAddress ip = DnsLookup.parseIp(checkString(args, 3).tojstring());
            if (ip == null) {
                throw new LuaError("invalid IP address");
            }
            LuaString data = checkString(args, 4);
            if (data.length() == 0) {
                throw new LuaError("no data to send");
            }
            s.send(port, ip, data);
            return LuaValue.NONE;
        });
        LibraryFunction.define(m, "close", args -> {
            udp(args).close();
            return LuaValue.NONE;
        });
        defineDns(m, board, args -> udp(args));
        LibraryFunction.define(m, "getaddr", args -> udp(args).address());
    }

    /** The self check of a socket type's methods. */
    private interface SelfCheck {
        NetSocket of(Varargs args);
    }

    private static void defineOn(RomTable m, SelfCheck self, Set<String> events) {
        LibraryFunction.define(m, "on", args -> {
            NetSocket s = self.of(args);
            String event = checkString(args, 2).tojstring();
            if (!events.contains(event)) {
                throw new LuaError("invalid callback name");
            }
            LuaValue fn = args.arg(3);
            if (!fn.isnil() && !fn.isfunction()) {
                throw new LuaError("invalid callback function");
            }
            s.on(event, fn);
            return LuaValue.NONE;
        });
    }

    private static void defineDns(RomTable m, Board board, SelfCheck self) {
        LibraryFunction.define(m, "dns", args -> {
            NetSocket s = self.of(args);
            String host = checkString(args, 2).tojstring();
            if (!args.arg(3).isfunction()) {
                throw new LuaError("no callback specified");
            }
            s.on("dns", args.arg(3));
            DnsLookup.resolve(board.hostIo(), host, ip -> s.answerDns(ip));
            return LuaValue.NONE;
        });
    }
}
