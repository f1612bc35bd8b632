package pearl.emulator.net;

import java.net.InetAddress;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.BoardTimer;
import pearl.emulator.Priority;
import pearl.emulator.TimerMode;

/**
 * One {@code net.ping(host[, count], cb_recv[, cb_sent])} in virtual time.
 * <p>
 * The emulated board has no raw ICMP socket on the host (that needs privileges the IDE does not
 * have), so no echo request leaves the machine. Instead the answer follows the board's network
 * as the emulator models it ({@link Reach}): the board's own addresses and loopback answer in
 * {@value #SELF_MILLIS} ms with lwIP's time-to-live 255; with the station online, its gateway,
 * the access point's clients and hosts given by a name that resolves answer in a few ms (LAN,
 * time-to-live 64) or some tens of ms (internet, 56 after a few hops); anything else, and
 * everything off the board while it is offline, does not answer.
 * <p>
 * As the firmware's ping does: one echo request of {@value #PAYLOAD} bytes a second,
 * {@code count} of them (default 4); each reply (or, after {@value #TIMEOUT_MILLIS} ms, each
 * timeout) calls {@code cb_recv(bytes, ip, seqno, ttl, ms)} in a task of its own, bytes 0 for a
 * timeout; after the last, {@code cb_sent(ip, total_count, timeout_count, total_bytes,
 * total_time)} follows in its own task, total_time being the sum of the round trips. A name that
 * does not resolve sends nothing and calls neither callback. The callbacks stay referenced from
 * the registry until the ping is done.
 */
public final class Ping {

    /** Echo payload bytes (lwIP's ping default). */
    public static final int PAYLOAD = 32;
    /** Between echo requests. */
    public static final long INTERVAL_MILLIS = 1000;
    /** How long a request waits for its reply. */
    public static final long TIMEOUT_MILLIS = 1000;
    /** The round trip to the board itself. */
    public static final long SELF_MILLIS = 1;

    /** How far an address is from the board, as the emulator models its network. */
    public enum Distance {
        /** The board itself (its interfaces, loopback). */
        SELF(255),
        /** One hop away: the gateway, a client of the access point. */
        LAN(64),
        /** Beyond the gateway. */
        INTERNET(56),
        /** No answer comes. */
        UNREACHABLE(0);

        final int ttl;

        Distance(int ttl) {
            this.ttl = ttl;
        }
    }

    /** Says how far an address is; {@code named} is true when it came from resolving a name. */
    public interface Reach {
        Distance of(InetAddress target, boolean named);
    }

    private final Board board;
    private final Reach reach;
    private final int count;
    private final int recvRef;
    private final int sentRef;
    private int seq;
    private int timeouts;
    private int bytes;
    private long totalMillis;

    private Ping(Board board, Reach reach, int count, LuaValue onReceive, LuaValue onSent) {
        this.board = board;
        this.reach = reach;
        this.count = count;
        LuaTable registry = board.lua().registry();
        this.recvRef = RegistryRefs.ref(registry, onReceive);
        this.sentRef = onSent.isnil() ? RegistryRefs.NOREF : RegistryRefs.ref(registry, onSent);
    }

    /** Starts pinging {@code host} (a dotted quad or a name) {@code count} times. */
    public static void start(Board board, Reach reach, String host, int count, LuaValue onReceive, LuaValue onSent) {
        Ping ping = new Ping(board, reach, count, onReceive, onSent);
        InetAddress literal = DnsLookup.parseIp(host);
        if (literal != null) {
            ping.next(literal, false);
            return;
        }
        DnsLookup.resolve(board.hostIo(), host, ip -> {
            InetAddress target = ip.isnil() ? null : DnsLookup.parseIp(ip.tojstring());
            if (target == null) {
                ping.done(); // nothing to send to
            } else {
                ping.next(target, true);
            }
        });
    }

    /**
     * Sends the next echo request; its reply or timeout comes in a task of its own. How far the
     * target is is asked anew for each request: a station that went offline meanwhile loses it.
     */
    private void next(InetAddress target, boolean named) {
        Distance distance = reach.of(target, named);
        seq++;
        int seqno = seq;
        boolean answered = distance != Distance.UNREACHABLE;
        long rtt = roundTrip(distance, seqno);
        BoardTimer timer = board.scheduler().createTimer();
        timer.alarm(answered ? rtt : TIMEOUT_MILLIS, TimerMode.SINGLE, t -> {
            String ip = target.getHostAddress();
            if (answered) {
                bytes += PAYLOAD;
                totalMillis += rtt;
                receive(LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(PAYLOAD), LuaValue.valueOf(ip), LuaValue.valueOf(seqno),
                        LuaValue.valueOf(distance.ttl), LuaValue.valueOf(rtt) }));
            } else {
                timeouts++;
                receive(LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(0), LuaValue.valueOf(ip), LuaValue.valueOf(seqno),
                        LuaValue.valueOf(0), LuaValue.valueOf(0) }));
            }
            if (seqno < count) {
                long wait = INTERVAL_MILLIS - (answered ? rtt : TIMEOUT_MILLIS);
                BoardTimer pause = board.scheduler().createTimer();
                pause.alarm(Math.max(1, wait), TimerMode.SINGLE, p -> next(target, named));
            } else {
                finish(ip);
            }
        });
    }

    /** A plausible round trip that varies a little from packet to packet, the same every run. */
    private static long roundTrip(Distance distance, int seqno) {
        return switch (distance) {
            case SELF -> SELF_MILLIS;
            case LAN -> 2 + seqno * 7 % 4;
            case INTERNET -> 24 + seqno * 7 % 11;
            case UNREACHABLE -> TIMEOUT_MILLIS;
        };
    }

    private void receive(Varargs args) {
        board.call(board.lua().registry().rawget(recvRef), args);
    }

    private void finish(String ip) {
        LuaValue onSent = sentRef == RegistryRefs.NOREF ? LuaValue.NIL : board.lua().registry().rawget(sentRef);
        done();
        if (!onSent.isnil()) {
            board.post(Priority.MEDIUM, "net ping", onSent, LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(ip), LuaValue.valueOf(count),
                    LuaValue.valueOf(timeouts), LuaValue.valueOf(bytes), LuaValue.valueOf(totalMillis) }));
        }
    }

    private void done() {
        LuaTable registry = board.lua().registry();
        RegistryRefs.unref(registry, recvRef);
        RegistryRefs.unref(registry, sentRef);
    }
}
