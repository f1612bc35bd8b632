package pearl.emulator.wifi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import pearl.emulator.BoardTimer;
import pearl.emulator.Scheduler;
import pearl.emulator.TimerMode;
import pearl.lua.firmware.WifiEnvironment;

/**
 * The board's own access point in virtual time: its address (192.168.4.1 unless
 * {@code wifi.ap.setip} changed it) and the stations of the {@link WifiEnvironment}'s
 * {@code clients} that join it while it is up. Each client's probe request (AP_PROBEREQRECVED)
 * comes {@value #PROBE_LEAD_MILLIS} ms before it joins (AP_STACONNECTED); it leaves
 * (AP_STADISCONNECTED) when its profile says. A client finding the access point full (the
 * configuration's {@code max}) probes but does not join. When the access point goes down its
 * clients are simply gone: the SDK reports no departures then.
 */
public final class SoftAccessPoint {

	/** How long before joining a client's probe request arrives. */
	public static final long PROBE_LEAD_MILLIS = 100;
	/** {@code wifi.eventmon} event numbers. */
	public static final int EVENT_STACONNECTED = 5, EVENT_STADISCONNECTED = 6, EVENT_PROBEREQRECVED = 7;
	/** The address the SDK gives its access point. */
	public static final String[] DEFAULT_ADDRESS = { "192.168.4.1", "255.255.255.0", "192.168.4.1" };

	private final Scheduler scheduler;
	private final WifiEnvironment world;
	private final WifiStation.Events events;
	private final IntSupplier maxClients;
	private final List<BoardTimer> timers = new ArrayList<>();
	/** Joined clients by MAC, with their association ids. */
	private final Map<String, Integer> joined = new LinkedHashMap<>();
	private String[] address = DEFAULT_ADDRESS.clone();
	private boolean up;

	/** The access point of {@code world}, admitting at most {@code maxClients} stations at a time. */
	public SoftAccessPoint(Scheduler scheduler, WifiEnvironment world, IntSupplier maxClients, WifiStation.Events events) {
		this.scheduler = scheduler;
		this.world = world;
		this.maxClients = maxClients;
		this.events = events;
	}

	/** Brings the access point up (if it is not): the profile's clients start coming. */
	public void start() {
		if (up) {
			return;
		}
		up = true;
		for (WifiEnvironment.ApClient client : world.clients()) {
			long join = Math.max(1, client.joinAfterMs());
			after(Math.max(1, join - PROBE_LEAD_MILLIS), () -> events.event(EVENT_PROBEREQRECVED, fields("MAC", client.mac(), "RSSI", client.rssi())));
			after(join, () -> join(client));
			if (client.leaveAfterMs() > join) {
				after(client.leaveAfterMs(), () -> leave(client));
			}
		}
	}

	/** Takes the access point down: pending arrivals are cancelled and clients dropped without events. */
	public void stop() {
		up = false;
		timers.forEach(BoardTimer::unregister);
		timers.clear();
		joined.clear();
	}

	/** Whether it is up. */
	public boolean isUp() {
		return up;
	}

	private void join(WifiEnvironment.ApClient client) {
		if (joined.containsKey(client.mac()) || joined.size() >= maxClients.getAsInt()) {
			return;
		}
		int aid = 1;
		while (joined.containsValue(aid)) {
			aid++;
		}
		joined.put(client.mac(), aid);
		events.event(EVENT_STACONNECTED, fields("MAC", client.mac(), "AID", aid));
	}

	private void leave(WifiEnvironment.ApClient client) {
		Integer aid = joined.remove(client.mac());
		if (aid != null) {
			events.event(EVENT_STADISCONNECTED, fields("MAC", client.mac(), "AID", aid));
		}
	}

	private void after(long millis, Runnable step) {
		BoardTimer t = scheduler.createTimer();
		timers.add(t);
		t.alarm(millis, TimerMode.SINGLE, fired -> {
			timers.remove(t);
			step.run();
		});
	}

	/** {@code wifi.ap.getclient()}: each joined client's MAC and the address its DHCP lease gave. */
	public Map<String, String> clients() {
		Map<String, String> found = new LinkedHashMap<>();
		String[] quad = address[0].split("\\.");
		int base = Integer.parseInt(quad[3]);
		joined.forEach((mac, aid) -> found.put(mac, quad[0] + "." + quad[1] + "." + quad[2] + "." + ((base + aid) & 0xff)));
		return found;
	}

	/** The access point's address, netmask and gateway. */
	public String[] address() {
		return address.clone();
	}

	/** {@code wifi.ap.setip}: a new address, netmask and gateway. */
	public void setAddress(String[] ipNetmaskGateway) {
		address = ipNetmaskGateway.clone();
	}

	private static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
