package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.firmware.WifiEnvironment;

/** The {@code "wifi"} object of a board profile: the emulated board's access points. */
class WifiEnvironmentTest {

	@Test
	void profileWithoutWifiHasTheDefaultWorld() {
		BoardProfile p = BoardProfile.parse("{\"modules\": [\"wifi\"]}", "test");
		assertEquals(WifiEnvironment.defaults(), p.wifi());
		assertFalse(p.toJson().contains("wifi\":"), p.toJson());
	}

	@Test
	void profileGivesAccessPointsAddressAndFailure() {
		BoardProfile p = BoardProfile.parse("""
				{"modules": ["wifi", "mqtt"], "wifi": {
				  "accessPoints": [{"ssid": "Lab", "password": "pa\\"ss", "rssi": -40, "channel": 1, "auth": 3, "bssid": "AA:BB:CC:DD:EE:01"},
				                   {"ssid": "Open"}],
				  "ip": "10.0.0.9", "failure": "wrongPassword"}}
				""", "test");
		WifiEnvironment w = p.wifi();
		assertEquals(List.of(new WifiEnvironment.AccessPoint("Lab", "pa\"ss", -40, 1, 3, "aa:bb:cc:dd:ee:01"),
				new WifiEnvironment.AccessPoint("Open", "", -60, 6, 0, "02:00:00:00:00:02")), w.accessPoints());
		assertEquals("10.0.0.9", w.ip());
		assertEquals("255.255.255.0", w.netmask());
		assertEquals(WifiEnvironment.Failure.WRONG_PASSWORD, w.failure());
		assertEquals(p, BoardProfile.parse(p.toJson(), "again"), p.toJson());
		assertEquals(w, p.withHeap(30000).without("mqtt").wifi(), "copies keep the world");
		assertTrue(w.find("Lab").isPresent());
		assertFalse(w.accepts(w.find("Lab").get(), "pa\"ss"), "the forced failure refuses even the right password");
	}

	@Test
	void badWifiSettingsAreNamed() {
		FirmwareDataException e = assertThrows(FirmwareDataException.class,
				() -> BoardProfile.parse("{\"modules\": [], \"wifi\": {\"failure\": \"sometimes\"}}", "board.json"));
		assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
		assertThrows(FirmwareDataException.class, () -> BoardProfile.parse("{\"modules\": [], \"wifi\": {\"aps\": []}}", "board.json"));
	}

	@Test
	void profileGivesDhcpTimeoutAuthChangesAndAccessPointClients() {
		BoardProfile p = BoardProfile.parse("""
				{"modules": ["wifi"], "wifi": {
				  "accessPoints": [{"ssid": "Lab", "auth": 2, "authChange": {"afterMs": 60000, "auth": 4}}],
				  "failure": "dhcpTimeout",
				  "clients": [{"mac": "5C:CF:7F:01:02:03", "rssi": -45, "joinAfterMs": 2000, "leaveAfterMs": 30000},
				              {"mac": "5c:cf:7f:0a:0b:0c"}]}}
				""", "test");
		WifiEnvironment w = p.wifi();
		assertEquals(WifiEnvironment.Failure.DHCP_TIMEOUT, w.failure());
		assertEquals(new WifiEnvironment.AuthChange(60000, 4), w.accessPoints().get(0).authChange());
		assertEquals(List.of(new WifiEnvironment.ApClient("5c:cf:7f:01:02:03", -45, 2000, 30000),
				new WifiEnvironment.ApClient("5c:cf:7f:0a:0b:0c", -50, 1000, 0)), w.clients());
		assertEquals(p, BoardProfile.parse(p.toJson(), "again"), p.toJson());
		FirmwareDataException e = assertThrows(FirmwareDataException.class,
				() -> BoardProfile.parse("{\"modules\": [], \"wifi\": {\"clients\": [{\"mac\": \"aa:bb:cc:dd:ee:ff\", \"ip\": \"1.2.3.4\"}]}}", "board.json"));
		assertTrue(e.getMessage().contains("ip"), e.getMessage());
	}
}
