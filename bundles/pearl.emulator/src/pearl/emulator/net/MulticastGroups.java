package pearl.emulator.net;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The board's IGMP memberships ({@code net.multicastJoin} / {@code multicastLeave}). lwIP joins
 * a group per interface, not per socket: every UDP socket listening on a port then takes in the
 * group's datagrams to that port. The emulator keeps the memberships by (interface address,
 * group) and mirrors the groups onto the listening {@link UdpSocket}s' host multicast sockets on
 * the host's loopback interface, where all of the board's interfaces are. One per boot.
 */
public final class MulticastGroups {

    private record Membership(InetAddress iface, InetAddress group) {
    }

    private final Set<Membership> memberships = new LinkedHashSet<>();
    private final List<UdpSocket> listening = new ArrayList<>();

    /** Joins {@code group} on the interface with address {@code iface} (0.0.0.0: all of them). */
    public void join(InetAddress iface, InetAddress group) {
        boolean first = !isMember(group);
        memberships.add(new Membership(iface, group));
        if (first) {
            listening.forEach(s -> s.joinHost(group));
        }
    }

    /** Leaves {@code group} on {@code iface}; leaving a group not joined there does nothing, as in lwIP. */
    public void leave(InetAddress iface, InetAddress group) {
        if (memberships.remove(new Membership(iface, group)) && !isMember(group)) {
            listening.forEach(s -> s.leaveHost(group));
        }
    }

    /** Whether the board is a member of {@code group} on some interface. */
    public boolean isMember(InetAddress group) {
        return memberships.stream().anyMatch(m -> m.group().equals(group));
    }

    /** {@code socket} listens: it takes in the groups joined so far and those joined later. */
    void listening(UdpSocket socket) {
        listening.add(socket);
        memberships.stream().map(Membership::group).distinct().forEach(socket::joinHost);
    }

    /** {@code socket} closed. */
    void closed(UdpSocket socket) {
        listening.remove(socket);
    }

    /** The host's loopback interface, where the board's multicast traffic goes. */
    static NetworkInterface loopback() {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multicast address (224.0.0.0 to 239.255.255.255) as dotted-quad text, or null. */
    public static InetAddress parseGroup(String text) {
        InetAddress a = DnsLookup.parseIp(text);
        return a != null && a.isMulticastAddress() ? a : null;
    }
}
