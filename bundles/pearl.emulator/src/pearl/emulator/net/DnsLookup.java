package pearl.emulator.net;

import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;

import org.luaj.vm2.LuaValue;

import pearl.emulator.HostIo;
import pearl.emulator.Priority;

/**
 * A name resolved with the host's resolver in the background; the answer (an IPv4 address as
 * text, or nil) comes back to the board as a task. The lookup counts as open host I/O, so the
 * board waits for it.
 */
public final class DnsLookup {

    private DnsLookup() {
    }

    /** Resolves {@code host} and hands the address (or nil) to {@code answer} in a task on the board. */
    public static void resolve(HostIo io, String host, Consumer<LuaValue> answer) {
        Closeable pending = () -> {
        };
        io.opened(pending);
        Thread t = new Thread(() -> {
            LuaValue ip = LuaValue.NIL;
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    if (a instanceof Inet4Address) {
                        ip = LuaValue.valueOf(a.getHostAddress());
                        break;
                    }
                }
            } catch (UnknownHostException e) {
                // nil: not found
            }
            LuaValue found = ip;
            io.deliver(Priority.MEDIUM, "net dns", () -> answer.accept(found));
            io.closed(pending);
        }, "pearl net dns");
        t.setDaemon(true);
        t.start();
    }

    /** A dotted-quad IPv4 address, or null when {@code text} is not one (no name lookup). */
    public static InetAddress parseIp(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
