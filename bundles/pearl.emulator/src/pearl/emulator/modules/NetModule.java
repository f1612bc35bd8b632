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
import pearl.emulator.net.NetSocket;
import pearl.emulator.net.RegistryRefs;
import pearl.emulator.net.TcpConnection;
import pearl.emulator.net.TcpServer;
import pearl.emulator.net.UdpSocket;

/**
 * {@code net}: TCP servers and clients and UDP sockets on real host sockets on loopback, and DNS
 * through the host's resolver. Every socket callback runs as a task on the board's scheduler; the
 * callbacks live in the registry, so a callback capturing its own socket leaks it as on the board.
 */
public final class NetModule implements FirmwareModule {

    /** The server idle timeout {@code net.createServer()} gives, in seconds. */
    public static final int DEFAULT_SERVER_TIMEOUT = 30;

    private static final Set<String> TCP_EVENTS = Set.of("connection", "reconnection", "disconnection", "receive", "sent", "dns");
    private static final Set<String> UDP_EVENTS = Set.of("receive", "sent", "dns");
    private static final String DEFAULT_DNS = "208.67.222.222";

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
        tcp.seal();
        server.seal();
        udp.seal();

        LibraryFunction.define(net, "createConnection", args -> new TcpConnection(board, tcp).userdata());
        LibraryFunction.define(net, "createServer", args -> {
            int timeout = optInt(args, 1, DEFAULT_SERVER_TIMEOUT);
            return new TcpServer(board, server, tcp, timeout).userdata();
        });
        LibraryFunction.define(net, "createUDPSocket", args -> new UdpSocket(board, udp).userdata());

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
