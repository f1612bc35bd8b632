package pearl.emulator.wifi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pearl.emulator.BoardTimer;
import pearl.emulator.Scheduler;
import pearl.emulator.TimerMode;
import pearl.lua.firmware.WifiEnvironment;

/**
 * The station interface in virtual time: joining an access point of the {@link WifiEnvironment}
 * takes {@value #ASSOCIATE_MILLIS} ms to STA_CONNECTED and {@value #DHCP_MILLIS} ms more to
 * STA_GOT_IP. A failed attempt (no such network, wrong password) reports STA_DISCONNECTED with
 * the SDK's reason and is retried every {@value #RETRY_MILLIS} ms, as the SDK's auto-reconnect
 * does, until {@link #disconnect}. When the world's DHCP server never answers, the station stays
 * associated (status STA_CONNECTING) and reports STA_DHCP_TIMEOUT every
 * {@value #DHCP_TIMEOUT_MILLIS} ms while its DHCP client keeps asking. A static address
 * ({@link #setStaticAddress}) stops the DHCP client: STA_GOT_IP then follows association at once.
 */
public final class WifiStation {

	/** Scan, authentication and association: about what a module takes on a quiet network. */
	public static final long ASSOCIATE_MILLIS = 1500;
	/** DHCP discover to ack on a LAN. */
	public static final long DHCP_MILLIS = 600;
	/** Between failed attempts. */
	public static final long RETRY_MILLIS = 2000;
	/**
	 * From association to STA_DHCP_TIMEOUT when no DHCP server answers: the DHCP client's
	 * retransmissions (its timeout is not documented; this is a plausible figure).
	 */
	public static final long DHCP_TIMEOUT_MILLIS = 10_000;

	/** {@code wifi.sta.status()} values. */
	public static final int IDLE = 0, CONNECTING = 1, WRONG_PASSWORD = 2, NO_AP_FOUND = 3, GOT_IP = 5;
	/** {@code wifi.eventmon} event numbers. */
	public static final int EVENT_CONNECTED = 0, EVENT_DISCONNECTED = 1, EVENT_AUTHMODE_CHANGE = 2, EVENT_GOT_IP = 3, EVENT_DHCP_TIMEOUT = 4;
	/** {@code wifi.eventmon.reason}: AUTH_FAIL, NO_AP_FOUND, ASSOC_LEAVE. */
	public static final int REASON_AUTH_FAIL = 202, REASON_NO_AP_FOUND = 201, REASON_ASSOC_LEAVE = 8;
	/** The SDK's reason when the access point's beacons stop arriving. */
	public static final int REASON_BEACON_TIMEOUT = 200;

	private static final String NO_BSSID = "00:00:00:00:00:00";

	/** Receives the station's events: the eventmon number and the fields of the table Lua gets. */
	public interface Events {
		void event(int number, Map<String, Object> fields);
	}

	private final Scheduler scheduler;
	private final WifiEnvironment world;
	private final Events events;
	private final List<Runnable> linkLost = new ArrayList<>();
	private BoardTimer timer;
	/** Runs the joined access point's change of auth mode, apart from the connection steps. */
	private BoardTimer authTimer;
	private String[] staticAddress;
	private int status = IDLE;
	private String ssid;
	private String password;
	private WifiEnvironment.AccessPoint joined;
	private boolean signal = true;

	public WifiStation(Scheduler scheduler, WifiEnvironment world, Events events) {
		this.scheduler = scheduler;
		this.world = world;
		this.events = events;
	}

	/** Sets the network to join next. */
	public void configure(String newSsid, String newPassword) {
		ssid = newSsid;
		password = newPassword;
	}

	/** Starts joining the configured network (after leaving the current one). */
	public void connect() {
		if (ssid == null) {
			return;
		}
		if (joined != null) {
			leave();
		}
		status = CONNECTING;
		after(ASSOCIATE_MILLIS, this::attempt);
	}

	/** Leaves the network, or stops trying to join one. */
	public void disconnect() {
		cancel();
		if (joined != null) {
			leave();
		}
		status = IDLE;
	}

	private void leave() {
		leave(REASON_ASSOC_LEAVE);
	}

	private void leave(int reason) {
		WifiEnvironment.AccessPoint was = joined;
		joined = null;
		cancelAuthChange();
		events.event(EVENT_DISCONNECTED, fields("SSID", was.ssid(), "BSSID", was.bssid(), "reason", reason));
		linkLost.forEach(Runnable::run);
	}

	/**
	 * The radio world changes (a scenario drops Wi-Fi, or brings it back): without signal a joined
	 * network is lost (beacon timeout) and joining finds no access point, retrying as the SDK does
	 * until the signal returns.
	 */
	public void setSignal(boolean present) {
		boolean had = signal;
		signal = present;
		if (had && !present && joined != null) {
			cancel();
			leave(REASON_BEACON_TIMEOUT);
			status = CONNECTING;
			after(RETRY_MILLIS, this::attempt);
		}
	}

	private void attempt() {
		Optional<WifiEnvironment.AccessPoint> ap = signal ? world.find(ssid) : Optional.empty();
		if (ap.isEmpty()) {
			fail(NO_AP_FOUND, NO_BSSID, REASON_NO_AP_FOUND);
		} else if (!world.accepts(ap.get(), password)) {
			fail(WRONG_PASSWORD, ap.get().bssid(), REASON_AUTH_FAIL);
		} else {
			joined = ap.get();
			events.event(EVENT_CONNECTED, fields("SSID", joined.ssid(), "BSSID", joined.bssid(), "channel", joined.channel()));
			scheduleAuthChange(joined);
			if (staticAddress != null) {
				gotIp(); // no DHCP to wait for
			} else {
				requestAddress();
			}
		}
	}

	/** The DHCP client's exchange: an address after {@value #DHCP_MILLIS} ms, or a timeout when the server is silent. */
	private void requestAddress() {
		if (world.failure() == WifiEnvironment.Failure.DHCP_TIMEOUT) {
			after(DHCP_TIMEOUT_MILLIS, () -> {
				events.event(EVENT_DHCP_TIMEOUT, Map.of());
				requestAddress(); // the client keeps asking
			});
		} else {
			after(DHCP_MILLIS, this::gotIp);
		}
	}

	private void gotIp() {
		status = GOT_IP;
		String[] a = address().orElseThrow();
		events.event(EVENT_GOT_IP, fields("IP", a[0], "netmask", a[1], "gateway", a[2]));
	}

	private void scheduleAuthChange(WifiEnvironment.AccessPoint ap) {
		cancelAuthChange();
		WifiEnvironment.AuthChange change = ap.authChange();
		if (change == null) {
			return;
		}
		authTimer = scheduler.createTimer();
		authTimer.alarm(Math.max(1, change.afterMs()), TimerMode.SINGLE, t -> {
			if (joined == ap) {
				events.event(EVENT_AUTHMODE_CHANGE, fields("old_auth_mode", ap.auth(), "new_auth_mode", change.auth()));
			}
		});
	}

	private void cancelAuthChange() {
		if (authTimer != null) {
			authTimer.unregister();
			authTimer = null;
		}
	}

	private void fail(int newStatus, String bssid, int reason) {
		status = newStatus;
		events.event(EVENT_DISCONNECTED, fields("SSID", ssid, "BSSID", bssid, "reason", reason));
		after(RETRY_MILLIS, this::attempt);
	}

	private void after(long millis, Runnable step) {
		cancel();
		timer = scheduler.createTimer();
		timer.alarm(millis, TimerMode.SINGLE, t -> step.run());
	}

	private void cancel() {
		if (timer != null) {
			timer.unregister();
			timer = null;
		}
	}

	/** {@code wifi.sta.status()}. */
	public int status() {
		return status;
	}

	/** The address, netmask and gateway once DHCP is done (or a static address is in use), else empty. */
	public Optional<String[]> address() {
		if (status != GOT_IP) {
			return Optional.empty();
		}
		return Optional.of(staticAddress != null ? staticAddress.clone() : new String[] { world.ip(), world.netmask(), world.gateway() });
	}

	/**
	 * {@code wifi.sta.setip}: a static address, netmask and gateway; the DHCP client stops, so
	 * a station already joined has it at once and a later join needs no DHCP.
	 */
	public void setStaticAddress(String[] ipNetmaskGateway) {
		staticAddress = ipNetmaskGateway.clone();
		if (joined != null && status != GOT_IP) {
			cancel(); // a pending DHCP exchange (or timeout) is moot
			gotIp();
		}
	}

	/** The address the station would use: the static one, or null while DHCP decides. */
	public String[] staticAddress() {
		return staticAddress == null ? null : staticAddress.clone();
	}

	/** Whether the address came from a DHCP server (for {@code net.ifinfo}'s {@code dhcp} table). */
	public boolean usesDhcp() {
		return staticAddress == null;
	}

	/** The world the station lives in. */
	public WifiEnvironment world() {
		return world;
	}

	/** The access point joined, if any. */
	public Optional<WifiEnvironment.AccessPoint> joined() {
		return Optional.ofNullable(joined);
	}

	/** The configured ssid and password (null when none). */
	public String ssid() {
		return ssid;
	}

	/** The configured password. */
	public String password() {
		return password;
	}

	/** Runs {@code action} whenever the station leaves its network (connections over it break). */
	public void onLinkLost(Runnable action) {
		linkLost.add(action);
	}

	private static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
