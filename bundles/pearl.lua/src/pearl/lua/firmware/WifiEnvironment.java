package pearl.lua.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The radio world around the emulated board: the access points it can see and what the one it
 * joins hands out by DHCP. A {@link BoardProfile} says it under {@code "wifi"} (every key optional,
 * the {@link #defaults()} filling in):
 *
 * <pre>
 * "wifi": {
 *   "accessPoints": [
 *     {"ssid": "PearlNet", "password": "nodemcu123", "rssi": -58, "channel": 6, "auth": 3, "bssid": "c8:3a:35:10:22:01",
 *      "authChange": {"afterMs": 60000, "auth": 4}}
 *   ],
 *   "ip": "192.168.1.73", "netmask": "255.255.255.0", "gateway": "192.168.1.1",
 *   "failure": "none" | "wrongPassword" | "noAccessPoint" | "dhcpTimeout",
 *   "clients": [
 *     {"mac": "5c:cf:7f:01:02:03", "rssi": -45, "joinAfterMs": 2000, "leaveAfterMs": 30000}
 *   ]
 * }
 * </pre>
 *
 * {@code auth} is the firmware's number ({@code wifi.OPEN} 0 ... {@code wifi.WPA_WPA2_PSK} 4).
 * A station joins an access point whose ssid and password match; {@code failure} makes every
 * attempt fail that way whatever was configured (to try an application's error handling):
 * {@code dhcpTimeout} lets the station associate but never get an address. An access point's
 * {@code authChange} switches its auth mode that long after the station joined (the station sees
 * STA_AUTHMODE_CHANGE). {@code clients} are stations that join the board's own access point
 * while it is up (SOFTAP or STATIONAP mode), counted from when it came up; a client without
 * {@code leaveAfterMs} stays.
 *
 * @param accessPoints what a scan finds
 * @param ip           the address the station gets
 * @param netmask      its netmask
 * @param gateway      its gateway
 * @param failure      a forced failure, or {@link Failure#NONE}
 * @param clients      stations that join the board's access point
 */
public record WifiEnvironment(List<AccessPoint> accessPoints, String ip, String netmask, String gateway, Failure failure,
		List<ApClient> clients) {

	/** A forced way for every connection attempt to fail. */
	public enum Failure {
		NONE, WRONG_PASSWORD, NO_ACCESS_POINT, DHCP_TIMEOUT
	}

	/**
	 * One access point in range.
	 *
	 * @param auth       the firmware's auth mode number (0 open)
	 * @param authChange a change of auth mode while the station is joined, or null
	 */
	public record AccessPoint(String ssid, String password, int rssi, int channel, int auth, String bssid, AuthChange authChange) {

		/** An access point whose auth mode never changes. */
		public AccessPoint(String ssid, String password, int rssi, int channel, int auth, String bssid) {
			this(ssid, password, rssi, channel, auth, bssid, null);
		}
	}

	/**
	 * An access point switching its auth mode.
	 *
	 * @param afterMs milliseconds after the station joined
	 * @param auth    the new auth mode number
	 */
	public record AuthChange(long afterMs, int auth) {
	}

	/**
	 * A station that joins the board's soft access point.
	 *
	 * @param mac          its MAC address, lower case
	 * @param rssi         the signal strength its probe request arrives with
	 * @param joinAfterMs  milliseconds after the access point came up
	 * @param leaveAfterMs milliseconds after the access point came up, or 0: it stays
	 */
	public record ApClient(String mac, int rssi, long joinAfterMs, long leaveAfterMs) {
	}

	public WifiEnvironment {
		accessPoints = List.copyOf(accessPoints);
		clients = List.copyOf(clients);
	}

	/** A world without stations joining the board's access point. */
	public WifiEnvironment(List<AccessPoint> accessPoints, String ip, String netmask, String gateway, Failure failure) {
		this(accessPoints, ip, netmask, gateway, failure, List.of());
	}

	/** The default world: a WPA2 network "PearlNet" (password "nodemcu123") and an open neighbour. */
	public static WifiEnvironment defaults() {
		return new WifiEnvironment(List.of(new AccessPoint("PearlNet", "nodemcu123", -58, 6, 3, "c8:3a:35:10:22:01"),
				new AccessPoint("CoffeeShop", "", -77, 11, 0, "a4:2b:b0:7e:41:9c")), "192.168.1.73", "255.255.255.0", "192.168.1.1",
				Failure.NONE);
	}

	/** The JSON names of the failures, in {@link Failure} order. */
	private static final String[] FAILURE_NAMES = { "none", "wrongPassword", "noAccessPoint", "dhcpTimeout" };

	/** Reads the {@code "wifi"} object of a profile. */
	static WifiEnvironment parse(JsonCursor json) {
		json.allowOnly("accessPoints", "ip", "netmask", "gateway", "failure", "clients");
		WifiEnvironment d = defaults();
		List<AccessPoint> aps = d.accessPoints();
		if (json.optional("accessPoints").isPresent()) {
			aps = new ArrayList<>();
			for (JsonCursor ap : json.required("accessPoints").elements()) {
				ap.allowOnly("ssid", "password", "rssi", "channel", "auth", "bssid", "authChange");
				aps.add(new AccessPoint(ap.required("ssid").asString(), ap.optional("password").map(JsonCursor::asString).orElse(""),
						ap.optional("rssi").map(c -> c.asNumber().intValue()).orElse(-60),
						ap.optional("channel").map(c -> c.asNumber().intValue()).orElse(6),
						ap.optional("auth").map(c -> c.asNumber().intValue()).orElse(0),
						ap.optional("bssid").map(c -> c.asString().toLowerCase(Locale.ROOT)).orElse(String.format("02:00:00:00:00:%02x", aps.size() + 1)),
						ap.optional("authChange").map(WifiEnvironment::authChange).orElse(null)));
			}
		}
		Failure failure = Failure.NONE;
		if (json.optional("failure").isPresent()) {
			JsonCursor f = json.required("failure");
			int index = List.of(FAILURE_NAMES).indexOf(f.asString());
			if (index < 0) {
				throw f.fail("expected \"none\", \"wrongPassword\", \"noAccessPoint\" or \"dhcpTimeout\", found \"" + f.asString() + "\"");
			}
			failure = Failure.values()[index];
		}
		List<ApClient> clients = new ArrayList<>();
		if (json.optional("clients").isPresent()) {
			for (JsonCursor c : json.required("clients").elements()) {
				c.allowOnly("mac", "rssi", "joinAfterMs", "leaveAfterMs");
				clients.add(new ApClient(c.required("mac").asString().toLowerCase(Locale.ROOT),
						c.optional("rssi").map(r -> r.asNumber().intValue()).orElse(-50),
						c.optional("joinAfterMs").map(m -> m.asNumber().longValue()).orElse(1000L),
						c.optional("leaveAfterMs").map(m -> m.asNumber().longValue()).orElse(0L)));
			}
		}
		return new WifiEnvironment(aps, text(json, "ip", d.ip()), text(json, "netmask", d.netmask()), text(json, "gateway", d.gateway()), failure,
				clients);
	}

	private static AuthChange authChange(JsonCursor json) {
		json.allowOnly("afterMs", "auth");
		return new AuthChange(json.required("afterMs").asNumber().longValue(), json.required("auth").asNumber().intValue());
	}

	private static String text(JsonCursor json, String key, String fallback) {
		return json.optional(key).map(JsonCursor::asString).orElse(fallback);
	}

	/** This world as the JSON object {@link #parse} reads. */
	String toJson() {
		StringBuilder json = new StringBuilder("{\"accessPoints\": [");
		String separator = "";
		for (AccessPoint ap : accessPoints) {
			json.append(separator).append(String.format(Locale.ROOT,
					"{\"ssid\": %s, \"password\": %s, \"rssi\": %d, \"channel\": %d, \"auth\": %d, \"bssid\": %s}", quote(ap.ssid()),
					quote(ap.password()), ap.rssi(), ap.channel(), ap.auth(), quote(ap.bssid())));
			if (ap.authChange() != null) {
				json.setLength(json.length() - 1);
				json.append(String.format(Locale.ROOT, ", \"authChange\": {\"afterMs\": %d, \"auth\": %d}}", ap.authChange().afterMs(),
						ap.authChange().auth()));
			}
			separator = ", ";
		}
		json.append("], \"ip\": ").append(quote(ip)).append(", \"netmask\": ").append(quote(netmask)).append(", \"gateway\": ")
				.append(quote(gateway)).append(", \"failure\": \"").append(FAILURE_NAMES[failure.ordinal()]).append("\"");
		if (!clients.isEmpty()) {
			json.append(", \"clients\": [");
			separator = "";
			for (ApClient c : clients) {
				json.append(separator).append(String.format(Locale.ROOT, "{\"mac\": %s, \"rssi\": %d, \"joinAfterMs\": %d, \"leaveAfterMs\": %d}",
						quote(c.mac()), c.rssi(), c.joinAfterMs(), c.leaveAfterMs()));
				separator = ", ";
			}
			json.append("]");
		}
		return json.append("}").toString();
	}

	private static String quote(String s) {
		return new com.google.gson.JsonPrimitive(s).toString();
	}

	/** This world with every connection attempt failing as {@code how}. */
	public WifiEnvironment failing(Failure how) {
		return new WifiEnvironment(accessPoints, ip, netmask, gateway, how, clients);
	}

	/** This world with {@code stations} joining the board's access point. */
	public WifiEnvironment withClients(List<ApClient> stations) {
		return new WifiEnvironment(accessPoints, ip, netmask, gateway, failure, stations);
	}

	/** The access point called {@code ssid}, if one is in range (and none is forced missing). */
	public Optional<AccessPoint> find(String ssid) {
		if (failure == Failure.NO_ACCESS_POINT) {
			return Optional.empty();
		}
		return accessPoints.stream().filter(ap -> ap.ssid().equals(ssid)).findFirst();
	}

	/** Whether {@code password} opens {@code ap} (an open network takes any). */
	public boolean accepts(AccessPoint ap, String password) {
		return failure != Failure.WRONG_PASSWORD && (ap.auth() == 0 || ap.password().equals(password));
	}
}
