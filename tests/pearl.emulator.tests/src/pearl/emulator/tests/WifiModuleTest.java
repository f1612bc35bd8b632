package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pearl.emulator.BoardOptions;
import pearl.emulator.modules.FileModule;
import pearl.emulator.modules.NodeModule;
import pearl.emulator.modules.TmrModule;
import pearl.emulator.modules.WifiModule;
import pearl.emulator.wifi.WifiStation;
import pearl.lua.firmware.WifiEnvironment;

/** The {@code wifi} module on a booted board: a station joining the default world's "PearlNet". */
class WifiModuleTest {

	private static final String EVENTS = """
			wifi.eventmon.register(wifi.eventmon.STA_CONNECTED, function(T)
			  print("connected", T.SSID, T.BSSID, T.channel, math.floor(tmr.now() / 1000)) end)
			wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T)
			  print("got ip", T.IP, T.netmask, T.gateway, math.floor(tmr.now() / 1000)) end)
			wifi.eventmon.register(wifi.eventmon.STA_DISCONNECTED, function(T)
			  print("disconnected", T.SSID, T.reason, wifi.sta.status()) end)
			""";

	private static String run(WifiEnvironment world, String init, long millis) {
		return new TestBoards(BoardOptions.defaults().withBanner(false), init,
				List.of(new NodeModule(), new TmrModule(), new FileModule(), new WifiModule(world))).run(millis);
	}

	private static String run(String init, long millis) {
		return run(WifiEnvironment.defaults(), init, millis);
	}

	private static List<String> lines(String out, String prefix) {
		List<String> found = new ArrayList<>();
		for (String line : out.split("\n")) {
			String l = line.startsWith("> ") ? line.substring(2) : line;
			if (l.startsWith(prefix)) {
				found.add(l);
			}
		}
		return found;
	}

	@Test
	void theHostNameDefaultsToTheMacsTailCanBeSetAndIsBackToTheDefaultAfterAReboot() {
		String out = run("""
				if not file.exists("booted") then
				  file.putcontents("booted", "1")
				  print("name", wifi.sta.gethostname())
				  print("set", wifi.sta.sethostname("weather-1"), wifi.sta.gethostname())
				  print("bad", pcall(wifi.sta.sethostname, "no spaces"))
				  print("bad", pcall(wifi.sta.sethostname, "-dash"))
				  node.restart()
				else
				  print("after", wifi.sta.gethostname())
				end
				""", 2000);
		assertEquals(List.of("name\tNODE-A2D734"), lines(out, "name"));
		assertEquals(List.of("set\ttrue\tweather-1"), lines(out, "set"));
		assertEquals(List.of("bad\tfalse\tInvalid hostname", "bad\tfalse\tInvalid hostname"), lines(out, "bad"));
		assertEquals(List.of("after\tNODE-A2D734"), lines(out, "after"));
	}

	@Test
	void stationJoinsProfileNetworkThenGetsAddress() {
		String out = run(EVENTS + """
				print("mode", wifi.setmode(wifi.STATION), wifi.getmode())
				print("before", wifi.sta.getip(), wifi.sta.status())
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				print("status", wifi.sta.status())
				tmr.create():alarm(5000, tmr.ALARM_SINGLE, function()
				  print("after", wifi.sta.getip())
				  print("status", wifi.sta.status(), wifi.sta.getrssi(), wifi.getchannel())
				end)
				""", 6000);
		assertEquals(List.of("mode\t1\t1"), lines(out, "mode"), out);
		assertEquals(List.of("before\tnil\t0"), lines(out, "before"), out);
		List<String> connected = lines(out, "connected");
		List<String> gotIp = lines(out, "got ip");
		assertEquals(1, connected.size(), out);
		assertEquals(1, gotIp.size(), out);
		assertTrue(out.indexOf("connected\t") < out.indexOf("got ip\t"), "STA_CONNECTED comes before STA_GOT_IP: " + out);
		assertTrue(connected.get(0).startsWith("connected\tPearlNet\tc8:3a:35:10:22:01\t6\t"), out);
		assertTrue(gotIp.get(0).startsWith("got ip\t192.168.1.73\t255.255.255.0\t192.168.1.1\t"), out);
		long connectedAt = lastNumber(connected.get(0));
		long gotIpAt = lastNumber(gotIp.get(0));
		assertTrue(connectedAt >= 500 && connectedAt <= 5000, "association takes a second or two, not " + connectedAt + " ms");
		assertTrue(gotIpAt - connectedAt >= 100 && gotIpAt - connectedAt <= 3000, "DHCP takes some hundred ms: " + (gotIpAt - connectedAt));
		assertEquals(List.of("status\t1", "status\t5\t-58\t6"), lines(out, "status"), out);
		assertEquals(List.of("after\t192.168.1.73\t255.255.255.0\t192.168.1.1"), lines(out, "after"), out);
	}

	@Test
	void wrongPasswordReportsAuthFailAndRetries() {
		String out = run(EVENTS + """
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "PearlNet", pwd = "guess1234"})
				""", 6000);
		List<String> disconnects = lines(out, "disconnected");
		assertTrue(disconnects.size() >= 2, "the SDK keeps retrying: " + out);
		assertEquals("disconnected\tPearlNet\t" + 202 + "\t2", disconnects.get(0), "AUTH_FAIL, status STA_WRONGPWD");
		assertTrue(lines(out, "connected").isEmpty(), out);
		assertTrue(run("print('r', wifi.eventmon.reason.AUTH_FAIL, wifi.STA_WRONGPWD)", 100).contains("r\t202\t2"));
	}

	@Test
	void unknownNetworkReportsNoApFound() {
		String out = run(EVENTS + """
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "Nowhere", pwd = "whatever1"})
				""", 3000);
		assertEquals("disconnected\tNowhere\t201\t3", lines(out, "disconnected").get(0), out);
	}

	@Test
	void profileCanMakeEveryConnectionFail() {
		String out = run(WifiEnvironment.defaults().failing(WifiEnvironment.Failure.WRONG_PASSWORD), EVENTS + """
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				""", 3000);
		assertEquals("disconnected\tPearlNet\t202\t2", lines(out, "disconnected").get(0), out);
		assertTrue(lines(out, "got ip").isEmpty(), out);
	}

	@Test
	void getapListsTheProfileAccessPointsInBothFormats() {
		String out = run("""
				wifi.setmode(wifi.STATION)
				wifi.sta.getap(function(t) for k, v in pairs(t) do print("old", k, v) end end)
				wifi.sta.getap(1, function(t) for k, v in pairs(t) do print("new", k, v) end end)
				wifi.sta.getap({ssid = "CoffeeShop"}, 1, function(t) for k, v in pairs(t) do print("only", k, v) end end)
				""", 3000);
		List<String> old = new ArrayList<>(lines(out, "old"));
		old.sort(null);
		assertEquals(List.of("old\tCoffeeShop\t0,-77,a4:2b:b0:7e:41:9c,11", "old\tPearlNet\t3,-58,c8:3a:35:10:22:01,6"), old, out);
		List<String> fmt1 = new ArrayList<>(lines(out, "new"));
		fmt1.sort(null);
		assertEquals(List.of("new\ta4:2b:b0:7e:41:9c\tCoffeeShop,-77,0,11", "new\tc8:3a:35:10:22:01\tPearlNet,-58,3,6"), fmt1, out);
		assertEquals(List.of("only\ta4:2b:b0:7e:41:9c\tCoffeeShop,-77,0,11"), lines(out, "only"), out);
	}

	@Test
	void accessPointModeConfiguration() {
		String out = run("""
				wifi.setmode(wifi.SOFTAP)
				print("cfg", wifi.ap.config({ssid = "PearlAP", pwd = "secret123", channel = 3}))
				print("ip", wifi.ap.getip())
				local c = wifi.ap.getconfig(true)
				print("conf", c.ssid, c.pwd, c.channel, c.max)
				print(pcall(wifi.ap.config, {ssid = "PearlAP", pwd = "short"}))
				print(pcall(wifi.sta.getap, function() end))
				wifi.setmode(wifi.STATION)
				print("sta ip", wifi.ap.getip())
				print(pcall(wifi.ap.getclient))
				print(pcall(wifi.eventmon.register, 11, print))
				print(pcall(wifi.setmode, 7))
				print(pcall(wifi.sta.config, "PearlNet"))
				""", 200);
		assertEquals(List.of("cfg\ttrue"), lines(out, "cfg"), out);
		assertEquals(List.of("ip\t192.168.4.1\t255.255.255.0\t192.168.4.1"), lines(out, "ip"), out);
		assertEquals(List.of("conf\tPearlAP\tsecret123\t3\t4"), lines(out, "conf"), out);
		assertEquals(List.of("sta ip\tnil"), lines(out, "sta ip"), out);
		assertEquals(List.of("false\tpwd: length:0 or 8-64", "false\tCan't list ap in SOFTAP mode", "false\tCan't list clients in STATION mode",
				"false\tvalid wifi events:0-10", "false\tInvalid mode", "false\tconfig table not found!"), lines(out, "false"), out);
	}

	@Test
	void modeChangeEventAndSavedConfigurationRejoinsAfterRestart() {
		String out = run("""
				wifi.eventmon.register(wifi.eventmon.WIFI_MODE_CHANGED, function(T) print("mode", T.old_mode, T.new_mode) end)
				wifi.eventmon.register(wifi.eventmon.STA_GOT_IP, function(T) print("got ip", T.IP, node.bootreason ~= nil) end)
				if wifi.sta.getconfig() == "" then
				  wifi.setmode(wifi.STATION)
				  wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				  tmr.create():alarm(3000, tmr.ALARM_SINGLE, function() node.restart() end)
				else
				  print("saved", wifi.sta.getconfig())
				end
				""", 8000);
		assertEquals(List.of("mode\t3\t1"), lines(out, "mode"), out);
		assertEquals(2, lines(out, "got ip").size(), "joined before and again after the restart: " + out);
		assertEquals(List.of("saved\tPearlNet\tnodemcu123\t0\tff:ff:ff:ff:ff:ff"), lines(out, "saved"), out);
	}

	@Test
	void aSilentDhcpServerLeavesTheStationAssociatedWithDhcpTimeouts() {
		String out = run(WifiEnvironment.defaults().failing(WifiEnvironment.Failure.DHCP_TIMEOUT), EVENTS + """
				wifi.eventmon.register(wifi.eventmon.STA_DHCP_TIMEOUT, function(T)
				  print("dhcp timeout", next(T), wifi.sta.status(), wifi.sta.getip(), math.floor(tmr.now() / 1000)) end)
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				""", 25_000);
		assertEquals(1, lines(out, "connected").size(), out);
		List<String> timeouts = lines(out, "dhcp timeout");
		assertEquals(2, timeouts.size(), "one timeout each " + WifiStation.DHCP_TIMEOUT_MILLIS + " ms while associated: " + out);
		assertTrue(timeouts.get(0).startsWith("dhcp timeout\tnil\t1\tnil\t"), "an empty table, still STA_CONNECTING, no address: " + out);
		assertTrue(lastNumber(timeouts.get(0)) >= WifiStation.ASSOCIATE_MILLIS + WifiStation.DHCP_TIMEOUT_MILLIS, out);
		assertTrue(lines(out, "got ip").isEmpty(), out);
	}

	@Test
	void anAccessPointChangingItsAuthModeRaisesAuthmodeChange() {
		WifiEnvironment d = WifiEnvironment.defaults();
		WifiEnvironment.AccessPoint lab = new WifiEnvironment.AccessPoint("Lab", "labpass123", -50, 1, 2, "aa:bb:cc:dd:ee:01",
				new WifiEnvironment.AuthChange(3000, 4));
		WifiEnvironment world = new WifiEnvironment(List.of(lab), d.ip(), d.netmask(), d.gateway(), WifiEnvironment.Failure.NONE);
		String out = run(world, """
				wifi.eventmon.register(wifi.eventmon.STA_AUTHMODE_CHANGE, function(T)
				  print("auth", T.old_auth_mode, T.new_auth_mode, wifi.sta.status()) end)
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = "Lab", pwd = "labpass123"})
				""", 6000);
		assertEquals(List.of("auth\t2\t4\t5"), lines(out, "auth"), "3 s after joining, WPA_PSK became WPA_WPA2_PSK: " + out);
	}

	private static final WifiEnvironment WITH_CLIENTS = WifiEnvironment.defaults().withClients(List.of(
			new WifiEnvironment.ApClient("5c:cf:7f:01:02:03", -45, 2000, 5000),
			new WifiEnvironment.ApClient("5c:cf:7f:0a:0b:0c", -70, 3000, 0)));

	@Test
	void profileClientsProbeJoinAndLeaveTheBoardsAccessPoint() {
		String out = run(WITH_CLIENTS, """
				local m = wifi.eventmon
				m.register(m.AP_PROBEREQRECVED, function(T) print("probe", T.MAC, T.RSSI, math.floor(tmr.now() / 1000)) end)
				m.register(m.AP_STACONNECTED, function(T) print("joined", T.MAC, T.AID, math.floor(tmr.now() / 1000)) end)
				m.register(m.AP_STADISCONNECTED, function(T) print("left", T.MAC, T.AID, math.floor(tmr.now() / 1000)) end)
				wifi.setmode(wifi.SOFTAP)
				tmr.create():alarm(4000, tmr.ALARM_SINGLE, function()
				  local c = wifi.ap.getclient()
				  print("clients", c["5c:cf:7f:01:02:03"], c["5c:cf:7f:0a:0b:0c"])
				end)
				tmr.create():alarm(6000, tmr.ALARM_SINGLE, function()
				  for mac, ip in pairs(wifi.ap.getclient()) do print("still", mac, ip) end
				end)
				""", 7000);
		assertEquals(List.of("probe\t5c:cf:7f:01:02:03\t-45\t1900", "probe\t5c:cf:7f:0a:0b:0c\t-70\t2900"), lines(out, "probe"), out);
		assertEquals(List.of("joined\t5c:cf:7f:01:02:03\t1\t2000", "joined\t5c:cf:7f:0a:0b:0c\t2\t3000"), lines(out, "joined"), out);
		assertEquals(List.of("left\t5c:cf:7f:01:02:03\t1\t5000"), lines(out, "left"), out);
		assertEquals(List.of("clients\t192.168.4.2\t192.168.4.3"), lines(out, "clients"), out);
		assertEquals(List.of("still\t5c:cf:7f:0a:0b:0c\t192.168.4.3"), lines(out, "still"), out);
	}

	@Test
	void clientsOnlyJoinWhileTheAccessPointIsUpAndNotBeyondItsMax() {
		String out = run(WITH_CLIENTS, """
				wifi.eventmon.register(wifi.eventmon.AP_STACONNECTED, function(T) print("joined", T.MAC) end)
				wifi.setmode(wifi.STATION)
				tmr.create():alarm(4000, tmr.ALARM_SINGLE, function()
				  wifi.ap.config({ssid = "Pearl", max = 1})
				  wifi.setmode(wifi.STATIONAP)
				end)
				""", 12_000);
		assertEquals(List.of("joined\t5c:cf:7f:01:02:03"), lines(out, "joined"),
				"nobody joins in STATION mode; then the first fills the one place: " + out);
	}

	@Test
	void eventMaxCatchesOnlyTheEventsWithoutANameOfTheirOwn() {
		String out = run(WITH_CLIENTS, """
				wifi.eventmon.register(wifi.eventmon.EVENT_MAX, function(T) print("other", T.info, T.MAC) end)
				wifi.eventmon.register(wifi.eventmon.AP_STACONNECTED, function(T) print("joined", T.MAC) end)
				print("max", wifi.eventmon.EVENT_MAX, wifi.eventmon.STA_AUTHMODE_CHANGE, wifi.eventmon.STA_DHCP_TIMEOUT,
				  wifi.eventmon.AP_STACONNECTED, wifi.eventmon.AP_STADISCONNECTED, wifi.eventmon.AP_PROBEREQRECVED)
				print(pcall(wifi.eventmon.register, wifi.eventmon.EVENT_MAX + 1, print))
				wifi.setmode(wifi.STATIONAP)
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				""", 4000);
		assertEquals(List.of("max\t10\t2\t4\t5\t6\t7"), lines(out, "max"), out);
		assertEquals(List.of("false\tvalid wifi events:0-10"), lines(out, "false"), out);
		assertEquals(2, lines(out, "joined").size(), out);
		assertEquals(List.of("other\tevent 9 not implemented\tnil", "other\tevent 9 not implemented\tnil"), lines(out, "other"),
				"each client's address from the DHCP server, and none of the named events (connected, got ip, probes): " + out);
	}

	@Test
	void macAddressesCanBeSetUntilTheNextBoot() {
		String out = run("""
				if not file.exists("booted") then
				  file.putcontents("booted", "1")
				  print("sta", wifi.sta.setmac("DE:AD:BE:EF:00:01"), wifi.sta.getmac())
				  print("ap", wifi.ap.setmac("de:ad:be:ef:00:02"), wifi.ap.getmac())
				  print("group", wifi.sta.setmac("01:00:5e:00:00:01"), wifi.sta.getmac())
				  print("bad", pcall(function() return wifi.sta.setmac("de:ad:be:ef") end))
				  print("bad", pcall(function() return wifi.ap.setmac("zz:ad:be:ef:00:02") end))
				  print("bad", pcall(function() return wifi.ap.setmac() end))
				  node.restart()
				else
				  print("after", wifi.sta.getmac(), wifi.ap.getmac())
				end
				""", 2000);
		assertEquals(List.of("sta\ttrue\tde:ad:be:ef:00:01"), lines(out, "sta"), out);
		assertEquals(List.of("ap\ttrue\tde:ad:be:ef:00:02"), lines(out, "ap"), out);
		assertEquals(List.of("group\tfalse\tde:ad:be:ef:00:01"), lines(out, "group"), "the SDK refuses a multicast MAC: " + out);
		assertEquals(List.of("bad\tfalse\tinit.lua:6: bad argument #1 to 'setmac' (MAC:FF:FF:FF:FF:FF:FF)",
				"bad\tfalse\tinit.lua:7: bad argument #1 to 'setmac' (MAC:FF:FF:FF:FF:FF:FF)",
				"bad\tfalse\tinit.lua:8: bad argument #1 to 'setmac' (string expected, got no value)"), lines(out, "bad"), out);
		assertEquals(List.of("after\t18:fe:34:a2:d7:34\t1a:fe:34:a2:d7:34"), lines(out, "after"), out);
	}

	@Test
	void aStaticStationAddressNeedsNoDhcp() {
		String out = run(EVENTS + """
				wifi.setmode(wifi.STATION)
				print("set", wifi.sta.setip({ip = "192.168.1.50", netmask = "255.255.255.0", gateway = "192.168.1.254"}))
				wifi.sta.config({ssid = "PearlNet", pwd = "nodemcu123"})
				tmr.create():alarm(3000, tmr.ALARM_SINGLE, function() print("now", wifi.sta.getip()) end)
				print(pcall(function() return wifi.sta.setip("192.168.1.50") end))
				print(pcall(wifi.sta.setip, {ip = 50}))
				print("refused", wifi.sta.setip({ip = "300.1.1.1"}))
				""", 4000);
		assertEquals(List.of("set\ttrue"), lines(out, "set"), out);
		List<String> connected = lines(out, "connected");
		List<String> gotIp = lines(out, "got ip");
		assertEquals(1, gotIp.size(), out);
		assertTrue(gotIp.get(0).startsWith("got ip\t192.168.1.50\t255.255.255.0\t192.168.1.254\t"), out);
		assertEquals(lastNumber(connected.get(0)), lastNumber(gotIp.get(0)), "no DHCP exchange to wait for: " + out);
		assertEquals(List.of("now\t192.168.1.50\t255.255.255.0\t192.168.1.254"), lines(out, "now"), out);
		assertEquals(List.of("false\tinit.lua:11: bad argument #1 to 'setip' (table expected, got string)", "false\tip:not string"), lines(out, "false"), out);
		assertEquals(List.of("refused\tfalse"), lines(out, "refused"), out);
	}

	@Test
	void theAccessPointAddressCanBeSet() {
		String out = run("""
				wifi.setmode(wifi.SOFTAP)
				print("set", wifi.ap.setip({ip = "10.10.0.1", netmask = "255.255.0.0", gateway = "10.10.0.1"}))
				print("ap", wifi.ap.getip())
				print("partial", wifi.ap.setip({gateway = "10.10.0.254"}), wifi.ap.getip())
				""", 100);
		assertEquals(List.of("set\ttrue"), lines(out, "set"), out);
		assertEquals(List.of("ap\t10.10.0.1\t255.255.0.0\t10.10.0.1"), lines(out, "ap"), out);
		assertEquals(List.of("partial\ttrue\t10.10.0.1\t255.255.0.0\t10.10.0.254"), lines(out, "partial"), out);
	}

	@Test
	void sleepTypeStartsAsModemSleepAndTakesTheThreeTypes() {
		String out = run("""
				print("types", wifi.NONE_SLEEP, wifi.LIGHT_SLEEP, wifi.MODEM_SLEEP)
				print("now", wifi.sleeptype())
				print("set", wifi.sleeptype(wifi.LIGHT_SLEEP), wifi.sleeptype())
				print("none", wifi.sleeptype(wifi.NONE_SLEEP))
				print(pcall(function() return wifi.sleeptype(3) end))
				print(pcall(function() return wifi.sleeptype("light") end))
				""", 100);
		assertEquals(List.of("types\t0\t1\t2"), lines(out, "types"), out);
		assertEquals(List.of("now\t2"), lines(out, "now"), out);
		assertEquals(List.of("set\t1\t1"), lines(out, "set"), out);
		assertEquals(List.of("none\t0"), lines(out, "none"), out);
		assertEquals(List.of("false\tinit.lua:5: bad argument #1 to 'sleeptype' (range:0-2)",
				"false\tinit.lua:6: bad argument #1 to 'sleeptype' (number expected, got string)"), lines(out, "false"), out);
	}

	private static long lastNumber(String line) {
		Matcher m = Pattern.compile("(\\d+)$").matcher(line);
		assertTrue(m.find(), line);
		return Long.parseLong(m.group(1));
	}
}
