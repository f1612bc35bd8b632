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
 *     {"ssid": "PearlNet", "password": "nodemcu123", "rssi": -58, "channel": 6, "auth": 3, "bssid": "c8:3a:35:10:22:01"}
 *   ],
 *   "ip": "192.168.1.73", "netmask": "255.255.255.0", "gateway": "192.168.1.1",
 *   "failure": "none" | "wrongPassword" | "noAccessPoint"
 * }
 * </pre>
 *
 * {@code auth} is the firmware's number ({@code wifi.OPEN} 0 ... {@code wifi.WPA_WPA2_PSK} 4).
 * A station joins an access point whose ssid and password match; {@code failure} makes every
 * attempt fail that way whatever was configured (to try an application's error handling).
 *
 * @param accessPoints what a scan finds
 * @param ip           the address the station gets
 * @param netmask      its netmask
 * @param gateway      its gateway
 * @param failure      a forced failure, or {@link Failure#NONE}
 */
public record WifiEnvironment(List<AccessPoint> accessPoints, String ip, String netmask, String gateway, Failure failure) {

	/** A forced way for every connection attempt to fail. */
	public enum Failure {
		NONE, WRONG_PASSWORD, NO_ACCESS_POINT
	}

	/**
	 * One access point in range.
	 *
	 * @param auth the firmware's auth mode number (0 open)
	 */
	public record AccessPoint(String ssid, String password, int rssi, int channel, int auth, String bssid) {
	}

	public WifiEnvironment {
		accessPoints = List.copyOf(accessPoints);
	}

	/** The default world: a WPA2 network "PearlNet" (password "nodemcu123") and an open neighbour. */
	public static WifiEnvironment defaults() {
		return new WifiEnvironment(List.of(new AccessPoint("PearlNet", "nodemcu123", -58, 6, 3, "c8:3a:35:10:22:01"),
				new AccessPoint("CoffeeShop", "", -77, 11, 0, "a4:2b:b0:7e:41:9c")), "192.168.1.73", "255.255.255.0", "192.168.1.1",
				Failure.NONE);
	}

	/** The JSON names of the failures, in {@link Failure} order. */
	private static final String[] FAILURE_NAMES = { "none", "wrongPassword", "noAccessPoint" };

	/** Reads the {@code "wifi"} object of a profile. */
	static WifiEnvironment parse(JsonCursor json) {
		json.allowOnly("accessPoints", "ip", "netmask", "gateway", "failure");
		WifiEnvironment d = defaults();
		List<AccessPoint> aps = d.accessPoints();
		if (json.optional("accessPoints").isPresent()) {
			aps = new ArrayList<>();
			for (JsonCursor ap : json.required("accessPoints").elements()) {
				ap.allowOnly("ssid", "password", "rssi", "channel", "auth", "bssid");
				aps.add(new AccessPoint(ap.required("ssid").asString(), ap.optional("password").map(JsonCursor::asString).orElse(""),
						ap.optional("rssi").map(c -> c.asNumber().intValue()).orElse(-60),
						ap.optional("channel").map(c -> c.asNumber().intValue()).orElse(6),
						ap.optional("auth").map(c -> c.asNumber().intValue()).orElse(0),
						ap.optional("bssid").map(c -> c.asString().toLowerCase(Locale.ROOT)).orElse(String.format("02:00:00:00:00:%02x", aps.size() + 1))));
			}
		}
		Failure failure = Failure.NONE;
		if (json.optional("failure").isPresent()) {
			JsonCursor f = json.required("failure");
			int index = List.of(FAILURE_NAMES).indexOf(f.asString());
			if (index < 0) {
				throw f.fail("expected \"none\", \"wrongPassword\" or \"noAccessPoint\", found \"" + f.asString() + "\"");
			}
			failure = Failure.values()[index];
		}
		return new WifiEnvironment(aps, text(json, "ip", d.ip()), text(json, "netmask", d.netmask()), text(json, "gateway", d.gateway()), failure);
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
			separator = ", ";
		}
		return json.append("], \"ip\": ").append(quote(ip)).append(", \"netmask\": ").append(quote(netmask)).append(", \"gateway\": ")
				.append(quote(gateway)).append(", \"failure\": \"").append(FAILURE_NAMES[failure.ordinal()]).append("\"}").toString();
	}

	private static String quote(String s) {
		return new com.google.gson.JsonPrimitive(s).toString();
	}

	/** This world with every connection attempt failing as {@code how}. */
	public WifiEnvironment failing(Failure how) {
		return new WifiEnvironment(accessPoints, ip, netmask, gateway, how);
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
