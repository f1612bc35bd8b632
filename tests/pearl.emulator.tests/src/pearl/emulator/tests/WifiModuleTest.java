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

	private static long lastNumber(String line) {
		Matcher m = Pattern.compile("(\\d+)$").matcher(line);
		assertTrue(m.find(), line);
		return Long.parseLong(m.group(1));
	}
}
