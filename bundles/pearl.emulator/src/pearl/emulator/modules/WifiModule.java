package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.typeError;

import java.util.Map;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.BoardTimer;
import pearl.emulator.Priority;
import pearl.emulator.TimerMode;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.RomTable;
import pearl.lua.firmware.WifiEnvironment;
import pearl.emulator.wifi.SoftAccessPoint;
import pearl.emulator.wifi.WifiStation;
import pearl.lua.firmware.FirmwareTable;

/**
 * {@code wifi}: the mode, the station ({@code wifi.sta}) joining the access points of a
 * {@link WifiEnvironment}, the soft access point's configuration ({@code wifi.ap}) and
 * {@code wifi.eventmon}. The mode and the saved station and AP configuration live in "flash":
 * they survive reboots, and a saved station configuration joins its network again at boot, as
 * the SDK's auto-connect does. The soft access point ({@link SoftAccessPoint}) is up in SOFTAP and
 * STATIONAP mode, where the world's clients join it. MAC addresses, static addresses
 * ({@code setip}) and the sleep type are RAM settings of the SDK: back to the defaults at each
 * boot. Event callbacks run as tasks; events nobody registered for are dropped, and a callback
 * registered for {@code EVENT_MAX} gets only the SDK events that have no name of their own (as
 * the firmware does), as {@code {info = "event <n> not implemented"}}.
 */
public final class WifiModule implements FirmwareModule {

	private static final int NULLMODE = 0, STATION = 1, SOFTAP = 2, STATIONAP = 3;
	private static final int EVENT_MODE_CHANGED = 8;
	/**
	 * The SDK's EVENT_SOFTAPMODE_DISTRIBUTE_STA_IP: the access point's DHCP server gave a client
	 * an address. The firmware has no name for it, so only an EVENT_MAX callback sees it.
	 */
	private static final int EVENT_DISTRIBUTE_STA_IP = 9;
	/** {@code wifi.sleeptype} values; the SDK starts in modem sleep. */
	private static final int NONE_SLEEP = 0, MODEM_SLEEP = 2;
	/** A scan's duration: all channels, about 120 ms each. */
	private static final long SCAN_MILLIS = 1500;
	private static final String STA_MAC = "18:fe:34:a2:d7:34";
	private static final String AP_MAC = "1a:fe:34:a2:d7:34";
	private static final String EVENTMON_KEY = "wifi.eventmon";
	/** NodeMCU's default DHCP host name: NODE- and the last three bytes of the station MAC. */
	private static final String DEFAULT_HOSTNAME = "NODE-" + STA_MAC.substring(9).replace(":", "").toUpperCase(java.util.Locale.ROOT);
	/** A DHCP host name: letters, digits and inner hyphens, at most 32 characters. */
	private static final java.util.regex.Pattern HOSTNAME = java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

	private final WifiEnvironment world;
	private int mode = STATIONAP;
	private int savedMode = STATIONAP;
	private String savedSsid;
	private String savedPassword = "";
	private boolean autoconnect = true;
	private LuaTable apConfig;
	private WifiStation station;
	private boolean signal = true;
	private SoftAccessPoint accessPoint;
	private String hostname = DEFAULT_HOSTNAME;
	private String staMac = STA_MAC;
	private String apMac = AP_MAC;
	private int sleepType = MODEM_SLEEP;
	private int eventMax;

	/** The module in the {@link WifiEnvironment#defaults() default} radio world. */
	public WifiModule() {
		this(WifiEnvironment.defaults());
	}

	/** The module in {@code world}. */
	public WifiModule(WifiEnvironment world) {
		this.world = world;
	}

	@Override
	public String name() {
		return "wifi";
	}

	/** The station of the current boot (other modules ask it whether the board has an address). */
	public WifiStation station() {
		return station;
	}

	/** The soft access point of the current boot. */
	public SoftAccessPoint accessPoint() {
		return accessPoint;
	}

	/** Whether the soft access point is up (SOFTAP or STATIONAP mode). */
	public boolean accessPointUp() {
		return accessPoint != null && accessPoint.isUp();
	}

	/** Drops the radio signal, or brings it back, for this and later boots (a scenario's Wi-Fi outage). */
	public void setSignal(boolean present) {
		signal = present;
		if (station != null) {
			station.setSignal(present);
		}
	}

	@Override
	public void define(RomTable wifi, Board board) {
		mode = savedMode;
		LuaTable callbacks = new LuaTable();
		board.lua().registry().rawset(EVENTMON_KEY, callbacks);
		FirmwareTable data = board.firmware().module("wifi").orElseThrow();
		eventMax = ((Number) data.table("eventmon").orElseThrow().constant("EVENT_MAX").orElseThrow().value()).intValue();
		staMac = STA_MAC;
		apMac = AP_MAC;
		sleepType = MODEM_SLEEP;
		station = new WifiStation(board.scheduler(), world, (number, fields) -> fire(board, callbacks, number, fields));
		station.setSignal(signal);
		accessPoint = new SoftAccessPoint(board.scheduler(), world, this::maxClients, (number, fields) -> {
			fire(board, callbacks, number, fields);
			if (number == SoftAccessPoint.EVENT_STACONNECTED) {
				fire(board, callbacks, EVENT_DISTRIBUTE_STA_IP, Map.of());
			}
		});
		if (hasAccessPoint()) {
			accessPoint.start();
		}
		station.configure(savedSsid, savedPassword);
		if (savedSsid != null && autoconnect && hasStation()) {
			station.connect();
		}

		LibraryFunction.define(wifi, "setmode", args -> {
			int newMode = checkInt(args, 1);
			if (newMode < NULLMODE || newMode > STATIONAP) {
				throw new LuaError("Invalid mode");
			}
			boolean save = optBoolean(args, 2, true);
			int old = mode;
			mode = newMode;
			if (save) {
				savedMode = newMode;
			}
			if (!hasStation()) {
				station.disconnect();
			}
			if (hasAccessPoint()) {
				accessPoint.start();
			} else {
				accessPoint.stop();
			}
			if (old != newMode) {
				fire(board, callbacks, EVENT_MODE_CHANGED, Map.of("old_mode", old, "new_mode", newMode));
			}
			return LuaValue.valueOf(mode);
		});
		LibraryFunction.define(wifi, "getmode", args -> LuaValue.valueOf(mode));
		LibraryFunction.define(wifi, "getdefaultmode", args -> LuaValue.valueOf(savedMode));
		LibraryFunction.define(wifi, "sleeptype", this::sleeptype);
		LibraryFunction.define(wifi, "getchannel", args -> LuaValue.valueOf(station.joined().map(WifiEnvironment.AccessPoint::channel)
				.orElse(apConfig == null ? 1 : apConfig.get("channel").toint())));

		RomTable sta = new RomTable("wifi.sta");
		defineStation(sta, board, callbacks);
		wifi.rawset("sta", sta.seal());
		RomTable ap = new RomTable("wifi.ap");
		defineAccessPoint(ap);
		wifi.rawset("ap", ap.seal());
		RomTable eventmon = new RomTable("wifi.eventmon");
		defineEventmon(eventmon, data, callbacks, eventMax);
		wifi.rawset("eventmon", eventmon.seal());
	}

	private boolean hasStation() {
		return (mode & STATION) != 0;
	}

	private boolean hasAccessPoint() {
		return (mode & SOFTAP) != 0;
	}

	private int maxClients() {
		return apConfig == null ? 4 : apConfig.get("max").toint();
	}

	/**
	 * {@code wifi.sleeptype([type])}: sets NONE_SLEEP, LIGHT_SLEEP or MODEM_SLEEP and returns the
	 * type in force. The emulator keeps the setting only; it changes no timing.
	 */
	private Varargs sleeptype(Varargs args) {
		if (args.arg1().isnumber()) {
			int type = args.arg1().toint();
			if (type < NONE_SLEEP || type > MODEM_SLEEP) {
				throw argError(1, "range:0-2");
			}
			sleepType = type;
		} else if (!args.arg1().isnil()) {
			throw typeError(args, 1, "number");
		}
		return LuaValue.valueOf(sleepType);
	}

	// ------------------------------------------------------------------ wifi.sta

	private void defineStation(RomTable sta, Board board, LuaTable callbacks) {
		LibraryFunction.define(sta, "config", args -> {
			if (!args.arg1().istable()) {
				throw new LuaError("config table not found!");
			}
			LuaTable t = args.arg1().checktable();
			LuaValue ssid = t.get("ssid");
			if (ssid.isnil()) {
				throw new LuaError("ssid required");
			}
			String s = stringField(t, "ssid", 0, 32);
			String pwd = t.get("pwd").isnil() ? "" : stringField(t, "pwd", 0, 64);
			boolean auto = booleanField(t, "auto");
			boolean save = booleanField(t, "save");
			String[] events = { "connected_cb", "disconnected_cb", "authmode_change_cb", "got_ip_cb", "dhcp_timeout_cb" };
			for (int i = 0; i < events.length; i++) {
				LuaValue fn = t.get(events[i]);
				if (fn.isfunction()) {
					callbacks.rawset(i, fn);
				}
			}
			station.configure(s, pwd);
			if (save) {
				savedSsid = s;
				savedPassword = pwd;
			}
			if (auto && hasStation()) {
				station.connect();
			}
			return LuaValue.TRUE;
		});
		LibraryFunction.define(sta, "connect", args -> {
			registerOptional(callbacks, args, WifiStation.EVENT_CONNECTED);
			if (hasStation()) {
				station.connect();
			}
			return LuaValue.NONE;
		});
		LibraryFunction.define(sta, "disconnect", args -> {
			registerOptional(callbacks, args, WifiStation.EVENT_DISCONNECTED);
			station.disconnect();
			return LuaValue.NONE;
		});
		LibraryFunction.define(sta, "autoconnect", args -> {
			autoconnect = checkInt(args, 1) != 0;
			return LuaValue.NONE;
		});
		LibraryFunction.define(sta, "status", args -> LuaValue.valueOf(station.status()));
		LibraryFunction.define(sta, "getip", args -> station.address().<Varargs>map(WifiModule::strings).orElse(LuaValue.NIL));
		LibraryFunction.define(sta, "getmac", args -> LuaValue.valueOf(staMac));
		LibraryFunction.define(sta, "setmac", args -> {
			String mac = checkMac(args);
			if (mac == null) {
				return LuaValue.FALSE;
			}
			staMac = mac;
			return LuaValue.TRUE;
		});
		LibraryFunction.define(sta, "setip", args -> {
			String[] current = station.staticAddress() != null ? station.staticAddress()
					: station.address().orElse(new String[] { "0.0.0.0", "0.0.0.0", "0.0.0.0" });
			String[] address = checkAddress(args, current);
			if (address == null) {
				return LuaValue.FALSE;
			}
			station.setStaticAddress(address);
			return LuaValue.TRUE;
		});
		LibraryFunction.define(sta, "sleeptype", this::sleeptype);
		// the host name lasts until the next boot, as the SDK keeps it in RAM only
		hostname = DEFAULT_HOSTNAME;
		LibraryFunction.define(sta, "gethostname", args -> LuaValue.valueOf(hostname));
		LibraryFunction.define(sta, "sethostname", args -> {
			String name = checkString(args, 1).tojstring();
			if (!HOSTNAME.matcher(name).matches()) {
				throw new LuaError("Invalid hostname");
			}
			hostname = name;
			return LuaValue.TRUE;
		});
		LibraryFunction.define(sta, "getrssi", args -> station.joined().<LuaValue>map(ap -> LuaValue.valueOf(ap.rssi())).orElse(LuaValue.NIL));
		LibraryFunction.define(sta, "getconfig", args -> {
			String ssid = station.ssid() == null ? "" : station.ssid();
			String pwd = station.password() == null ? "" : station.password();
			if (args.arg1().toboolean()) {
				LuaTable t = new LuaTable();
				t.set("ssid", ssid);
				t.set("pwd", pwd);
				t.set("bssid_set", 0);
				t.set("bssid", "ff:ff:ff:ff:ff:ff");
				return t;
			}
			return LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(ssid), LuaValue.valueOf(pwd), LuaValue.valueOf(0),
					LuaValue.valueOf("ff:ff:ff:ff:ff:ff") });
		});
		LibraryFunction.define(sta, "getap", args -> {
			if (mode == SOFTAP) {
				throw new LuaError("Can't list ap in SOFTAP mode");
			}
			scan(board, args);
			return LuaValue.NONE;
		});
	}

	/**
	 * {@code wifi.sta.getap([cfg,] [format,] cb)}: after a scan, cb gets a table: format 0 maps
	 * ssid to "authmode,rssi,bssid,channel", format 1 maps bssid to "ssid,rssi,authmode,channel".
	 */
	private void scan(Board board, Varargs args) {
		int n = 1;
		LuaTable filter = null;
		if (args.arg(n).istable()) {
			filter = args.arg(n++).checktable();
		}
		int format = 0;
		if (args.arg(n).isnumber()) {
			format = args.arg(n++).toint();
		}
		LuaValue callback = args.arg(n);
		if (!callback.isfunction()) {
			throw typeError(args, n, "function");
		}
		LuaValue ssidFilter = filter == null ? LuaValue.NIL : filter.get("ssid");
		LuaValue channelFilter = filter == null ? LuaValue.NIL : filter.get("channel");
		int fmt = format;
		LuaValue key = LuaValue.userdataOf(new Object());
		board.lua().registry().rawset(key, callback);
		BoardTimer done = board.scheduler().createTimer();
		done.alarm(SCAN_MILLIS, TimerMode.SINGLE, t -> {
			board.lua().registry().rawset(key, LuaValue.NIL);
			LuaTable found = new LuaTable();
			for (WifiEnvironment.AccessPoint ap : world.accessPoints()) {
				boolean wanted = (ssidFilter.isnil() || ssidFilter.tojstring().equals(ap.ssid()))
						&& (channelFilter.isnil() || channelFilter.toint() == 0 || channelFilter.toint() == ap.channel());
				if (!wanted) {
					continue;
				}
				if (fmt == 1) {
					found.set(ap.bssid(), ap.ssid() + "," + ap.rssi() + "," + ap.auth() + "," + ap.channel());
				} else {
					found.set(ap.ssid(), ap.auth() + "," + ap.rssi() + "," + ap.bssid() + "," + ap.channel());
				}
			}
			board.call(callback, found);
		});
	}

	// ------------------------------------------------------------------ wifi.ap

	private void defineAccessPoint(RomTable ap) {
		LibraryFunction.define(ap, "config", args -> {
			if (!args.arg1().istable()) {
				throw new LuaError("config table not found!");
			}
			LuaTable t = args.arg1().checktable();
			if (t.get("ssid").isnil()) {
				throw new LuaError("ssid required");
			}
			LuaTable config = new LuaTable();
			config.set("ssid", stringField(t, "ssid", 1, 32));
			String pwd = t.get("pwd").isnil() ? "" : t.get("pwd").tojstring();
			if (!pwd.isEmpty() && (pwd.length() < 8 || pwd.length() > 64)) {
				throw new LuaError("pwd: length:0 or 8-64");
			}
			config.set("pwd", pwd);
			config.set("auth", intField(t, "auth", pwd.isEmpty() ? 0 : 4, 0, 4));
			config.set("channel", intField(t, "channel", 6, 1, 13));
			config.set("hidden", intField(t, "hidden", 0, 0, 1));
			config.set("max", intField(t, "max", 4, 1, 4));
			config.set("beacon", intField(t, "beacon", 100, 100, 60000));
			apConfig = config;
			return LuaValue.TRUE;
		});
		LibraryFunction.define(ap, "getip", args -> (mode & SOFTAP) == 0 ? LuaValue.NIL : strings(accessPoint.address()));
		LibraryFunction.define(ap, "getmac", args -> LuaValue.valueOf(apMac));
		LibraryFunction.define(ap, "setmac", args -> {
			String mac = checkMac(args);
			if (mac == null) {
				return LuaValue.FALSE;
			}
			apMac = mac;
			return LuaValue.TRUE;
		});
		LibraryFunction.define(ap, "setip", args -> {
			String[] address = checkAddress(args, accessPoint.address());
			if (address == null) {
				return LuaValue.FALSE;
			}
			accessPoint.setAddress(address);
			return LuaValue.TRUE;
		});
		LibraryFunction.define(ap, "getclient", args -> {
			if (mode == STATION) {
				throw new LuaError("Can't list clients in STATION mode");
			}
			LuaTable t = new LuaTable();
			accessPoint.clients().forEach((mac, ip) -> t.set(mac, ip));
			return t;
		});
		LibraryFunction.define(ap, "getconfig", args -> {
			LuaTable c = apConfig == null ? new LuaTable() : apConfig;
			if (args.arg1().toboolean()) {
				LuaTable copy = new LuaTable();
				for (String k : new String[] { "ssid", "pwd", "auth", "channel", "hidden", "max", "beacon" }) {
					copy.set(k, c.get(k));
				}
				return copy;
			}
			return LuaValue.varargsOf(c.get("ssid"), c.get("pwd"));
		});
	}

	// ------------------------------------------------------------------ wifi.eventmon

	private static void defineEventmon(RomTable eventmon, FirmwareTable data, LuaTable callbacks, int max) {
		FirmwareTable eventData = data.table("eventmon").orElseThrow();
		Board.defineConstants(eventmon, eventData);
		RomTable reason = new RomTable("wifi.eventmon.reason");
		Board.defineConstants(reason, eventData.table("reason").orElseThrow());
		eventmon.rawset("reason", reason.seal());
		LibraryFunction.define(eventmon, "register", args -> {
			int event = checkEvent(args, max);
			LuaValue fn = args.arg(2);
			if (!fn.isnil() && !fn.isfunction()) {
				throw typeError(args, 2, "function");
			}
			callbacks.rawset(event, fn.isfunction() ? fn : LuaValue.NIL);
			return LuaValue.NONE;
		});
		LibraryFunction.define(eventmon, "unregister", args -> {
			callbacks.rawset(checkEvent(args, max), LuaValue.NIL);
			return LuaValue.NONE;
		});
	}

	private static int checkEvent(Varargs args, int max) {
		int event = checkInt(args, 1);
		if (event < 0 || event > max) {
			throw new LuaError("valid wifi events:0-" + max);
		}
		return event;
	}

	private static void registerOptional(LuaTable callbacks, Varargs args, int event) {
		if (args.arg1().isfunction()) {
			callbacks.rawset(event, args.arg1());
		}
	}

	/**
	 * Queues the callback registered for {@code event} with its table; an event without a name
	 * of its own falls to the EVENT_MAX callback. No callback, no task.
	 */
	private void fire(Board board, LuaTable callbacks, int event, Map<String, Object> fields) {
		LuaValue fn = callbacks.rawget(event);
		boolean named = event <= EVENT_MODE_CHANGED;
		if (!fn.isfunction() && !named) {
			fn = callbacks.rawget(eventMax);
		}
		if (!fn.isfunction()) {
			return;
		}
		LuaTable t = new LuaTable();
		fields.forEach((k, v) -> t.set(k, v instanceof Number n ? LuaValue.valueOf(n.intValue()) : LuaValue.valueOf(v.toString())));
		if (!named) {
			t.set("info", "event " + event + " not implemented");
		}
		board.post(Priority.MEDIUM, "wifi event", fn, t);
	}

	// ------------------------------------------------------------------ setmac and setip

	/** A MAC address as {@code setmac} takes it: six hex pairs split by colons. */
	private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

	/** The MAC {@code setmac} was given, lower case; null when the SDK refuses it (a multicast address). */
	private static String checkMac(Varargs args) {
		String mac = checkString(args, 1).tojstring();
		if (!MAC.matcher(mac).matches()) {
			throw argError(1, "MAC:FF:FF:FF:FF:FF:FF");
		}
		if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
			return null; // the SDK refuses a multicast (group) address
		}
		return mac.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The {@code {ip, netmask, gateway}} table of {@code setip}; keys left out keep {@code current}.
	 * Returns null when a value is not a dotted quad: the SDK then refuses (false).
	 */
	private static String[] checkAddress(Varargs args, String[] current) {
		LuaTable t = checkTableArg(args);
		String[] keys = { "ip", "netmask", "gateway" };
		String[] address = current.clone();
		for (int i = 0; i < keys.length; i++) {
			LuaValue v = t.get(keys[i]);
			if (v.isnil()) {
				continue;
			}
			if (!v.isstring() || v.isnumber()) {
				throw new LuaError(keys[i] + ":not string");
			}
			if (pearl.emulator.net.DnsLookup.parseIp(v.tojstring()) == null) {
				return null;
			}
			address[i] = v.tojstring();
		}
		return address;
	}

	private static LuaTable checkTableArg(Varargs args) {
		if (!args.arg1().istable()) {
			throw typeError(args, 1, "table");
		}
		return args.arg1().checktable();
	}

	// ------------------------------------------------------------------ fields of config tables

	private static Varargs strings(String[] values) {
		LuaValue[] v = new LuaValue[values.length];
		for (int i = 0; i < v.length; i++) {
			v[i] = LuaValue.valueOf(values[i]);
		}
		return LuaValue.varargsOf(v);
	}

	private static String stringField(LuaTable t, String key, int min, int max) {
		LuaValue v = t.get(key);
		if (!v.isstring()) {
			throw new LuaError(key + ":not string");
		}
		String s = v.tojstring();
		if (s.length() < min || s.length() > max) {
			throw new LuaError(key + ": length:" + min + "-" + max);
		}
		return s;
	}

	private static boolean booleanField(LuaTable t, String key) {
		LuaValue v = t.get(key);
		if (v.isnil()) {
			return true;
		}
		if (!v.isboolean()) {
			throw new LuaError(key + ":not boolean");
		}
		return v.toboolean();
	}

	private static int intField(LuaTable t, String key, int fallback, int min, int max) {
		LuaValue v = t.get(key);
		if (v.isnil()) {
			return fallback;
		}
		if (!v.isnumber()) {
			throw new LuaError(key + ":not number");
		}
		int n = v.toint();
		if (n < min || n > max) {
			throw new LuaError(key + ":" + min + "-" + max);
		}
		return n;
	}

	private static boolean optBoolean(Varargs args, int n, boolean fallback) {
		LuaValue v = args.arg(n);
		if (v.isnil()) {
			return fallback;
		}
		if (!v.isboolean()) {
			throw argError(n, "boolean expected, got " + v.typename());
		}
		return v.toboolean();
	}
}
