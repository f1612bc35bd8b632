package pearl.emulator.modules;

import java.net.InetAddress;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import pearl.emulator.net.DnsLookup;
import pearl.emulator.net.Ping;

/**
 * The board's two network interfaces as {@code net} sees them, read from the {@link WifiModule}:
 * the station (interface 0) has an address once it joined a network, the soft access point
 * (interface 1) while it is up. They say what {@code net.ifinfo} returns and how far an address
 * is for {@link Ping}.
 */
final class NetInterfaces {

    /** The board's radio; null on a board built without wifi, where no interface has an address. */
    private final WifiModule wifi;

    NetInterfaces(WifiModule wifi) {
        this.wifi = wifi;
    }

    /** The station's address, netmask and gateway, or null when it has none. */
    String[] stationAddress() {
        return wifi == null || wifi.station() == null ? null : wifi.station().address().orElse(null);
    }

    /** The access point's address, netmask and gateway, or null while it is down. */
    String[] accessPointAddress() {
        return wifi == null || !wifi.accessPointUp() ? null : wifi.accessPoint().address();
    }

    /**
     * {@code net.ifinfo(i)}: interface 0 is the station, 1 the access point; nil for an interface
     * without an address (or no such interface). A station that got its address by DHCP also
     * tells the server's answer: the server is the gateway (as home routers are) and it named no
     * NTP server.
     */
    LuaValue ifinfo(int index) {
        String[] a = index == 0 ? stationAddress() : index == 1 ? accessPointAddress() : null;
        if (a == null) {
            return LuaValue.NIL;
        }
        LuaTable t = new LuaTable();
        t.set("ip", a[0]);
        t.set("netmask", a[1]);
        t.set("gateway", a[2]);
        if (index == 0 && wifi.station().usesDhcp()) {
            LuaTable dhcp = new LuaTable();
            dhcp.set("server_ip", a[2]);
            dhcp.set("client_ip", a[0]);
            dhcp.set("ntp_server", "0.0.0.0");
            t.set("dhcp", dhcp);
        }
        return t;
    }

    /** How far {@code target} is from the board, for {@link Ping}. */
    Ping.Distance distance(InetAddress target, boolean named) {
        String ip = target.getHostAddress();
        String[] sta = stationAddress();
        String[] ap = accessPointAddress();
        if (target.isLoopbackAddress() || sta != null && sta[0].equals(ip) || ap != null && ap[0].equals(ip)) {
            return Ping.Distance.SELF;
        }
        if (ap != null && wifi.accessPoint().clients().containsValue(ip)) {
            return Ping.Distance.LAN;
        }
        if (sta == null) {
            return Ping.Distance.UNREACHABLE; // no route off the board
        }
        if (sta[2].equals(ip) || named && sameSubnet(ip, sta)) {
            return Ping.Distance.LAN;
        }
        if (named) {
            return Ping.Distance.INTERNET;
        }
        // a literal address: a public one is out there; a private or reserved one that is not the gateway is nobody
        boolean nobody = target.isSiteLocalAddress() || target.isLinkLocalAddress() || target.isAnyLocalAddress()
                || target.isMulticastAddress() || (target.getAddress()[0] & 0xff) >= 240;
        return nobody ? Ping.Distance.UNREACHABLE : Ping.Distance.INTERNET;
    }

    private static boolean sameSubnet(String ip, String[] iface) {
        byte[] a = DnsLookup.parseIp(ip).getAddress();
        byte[] b = DnsLookup.parseIp(iface[0]).getAddress();
        byte[] mask = DnsLookup.parseIp(iface[1]).getAddress();
        for (int i = 0; i < 4; i++) {
            if ((a[i] & mask[i]) != (b[i] & mask[i])) {
                return false;
            }
        }
        return true;
    }
}
