package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.firmware.Parameter;

/** What the linter, completion and hover will read from the firmware model. */
class FirmwareModelTest {

	private static FirmwareModel model;

	@BeforeAll
	static void load() {
		model = FirmwareModel.load();
	}

	private static FirmwareFunction function(String path) {
		return assertInstanceOf(LookupResult.Function.class, model.lookup(path), path).function();
	}

	private static long constant(String path) {
		LookupResult.Constant constant = assertInstanceOf(LookupResult.Constant.class, model.lookup(path), path);
		return constant.constant().integerValue().orElseThrow();
	}

	private static void assertArity(String path, int min, int max) {
		FirmwareFunction function = function(path);
		assertEquals(min, function.minArgs(), path + " min args");
		assertEquals(OptionalInt.of(max), function.maxArgs(), path + " max args");
	}

	private static String absentMessage(String path) {
		return assertInstanceOf(LookupResult.Absent.class, model.lookup(path), path).api().message();
	}

	@Test
	void theDataFileIsInTheBundleJarAndLoadsOnce() {
		assertNotNull(FirmwareModel.class.getResource(FirmwareModel.RESOURCE), "data/ must be at the root of the pearl.lua jar");
		assertSame(model, FirmwareModel.load());
		assertTrue(model.description().contains("Lua 5.1.4"), model.description());
	}

	@Test
	void tmrCreateTakesNothingAndReturnsATimer() {
		FirmwareFunction create = function("tmr.create");
		assertEquals(0, create.minArgs());
		assertEquals(OptionalInt.of(0), create.maxArgs());
		assertEquals(List.of("tmr.timer"), create.returns());
	}

	@Test
	void theTimerObjectHasTheCurrentMethods() {
		ObjectType timer = model.objectType("tmr.timer").orElseThrow();
		assertTrue(timer.methods().keySet().containsAll(Set.of("register", "alarm", "start", "stop", "unregister", "state", "interval")),
				timer.methods().keySet().toString());

		FirmwareFunction register = timer.method("register").orElseThrow();
		assertEquals(3, register.params().size());
		assertEquals(3, register.minArgs());
		Parameter callback = register.params().get(2);
		assertEquals("function", callback.type());
		assertEquals(List.of("timer"), callback.callback());
		assertTrue(register.errors().contains("Range: 1-0x68D7A3"), register.errors().toString());

		FirmwareFunction start = timer.method("start").orElseThrow();
		assertEquals(0, start.minArgs());
		assertEquals(OptionalInt.of(1), start.maxArgs());
		assertTrue(start.params().get(0).optional());

		assertEquals(OptionalInt.of(3), timer.method("alarm").orElseThrow().maxArgs());
		assertEquals(OptionalInt.of(0), timer.method("stop").orElseThrow().maxArgs());
		assertEquals(OptionalInt.of(1), timer.method("interval").orElseThrow().maxArgs());
		assertEquals("tmr.timer:register", register.qualifiedName());
	}

	@Test
	void theStaticTimerFunctionsAreRemovedInFavourOfTmrCreate() {
		for (String name : List.of("alarm", "register", "start", "stop", "unregister", "interval", "state")) {
			LookupResult.Removed removed = assertInstanceOf(LookupResult.Removed.class, model.lookup("tmr." + name), name);
			assertTrue(removed.api().replacement().contains("tmr.create()"), removed.api().replacement());
			assertTrue(removed.api().note().contains("2019"), removed.api().note());
		}
		assertFalse(model.lookup("tmr.alarm").existsOnBoard());
	}

	@Test
	void standardLibraryPartsTheBoardLacksAreAbsentWithAdvice() {
		assertTrue(absentMessage("math.sin").contains("trimmed"));
		assertTrue(absentMessage("math.atan2").contains("trimmed"));
		assertTrue(absentMessage("io.open").contains("file.open"));
		assertTrue(absentMessage("io.write").contains("uart.write(0, s)"));
		// members without an entry of their own get the library's message
		assertTrue(absentMessage("io.popen").contains("io library"));
		assertTrue(absentMessage("os.time").contains("rtctime"));
		assertTrue(absentMessage("os").contains("node"));
		assertTrue(absentMessage("bit32").contains("bit module"));
		assertTrue(absentMessage("utf8").contains("utf8"));
		assertTrue(absentMessage("debug.getinfo").contains("traceback"));
		assertTrue(absentMessage("table.unpack").contains("unpack"));
		assertTrue(absentMessage("string.pack").contains("struct.pack"));
	}

	@Test
	void librariesPresentOnTheBoardAreTablesWithTheirFunctions() {
		assertInstanceOf(LookupResult.Function.class, model.lookup("string.format"));
		assertInstanceOf(LookupResult.Function.class, model.lookup("table.foreach"));
		assertInstanceOf(LookupResult.Function.class, model.lookup("coroutine.wrap"));
		assertInstanceOf(LookupResult.Function.class, model.lookup("math.sqrt"));
		assertInstanceOf(LookupResult.Function.class, model.lookup("debug.traceback"));
		assertInstanceOf(LookupResult.Function.class, model.lookup("package.seeall"));
		assertEquals("?.lc;?.lua", assertInstanceOf(LookupResult.Field.class, model.lookup("package.path")).field().value());
		assertEquals(Math.PI, (Double) assertInstanceOf(LookupResult.Constant.class, model.lookup("math.pi")).constant().value(), 1e-15);
		assertInstanceOf(LookupResult.Constant.class, model.lookup("math.huge"));
	}

	@Test
	void romTablesAreReadOnlyButPackageAndGlobalsAreNot() {
		for (String path : List.of("string", "table", "coroutine", "math", "debug", "tmr", "wifi", "wifi.sta", "wifi.ap.dhcp", "wifi.eventmon.reason",
				"node.task", "node.egc", "node.LFS", "net.dns", "ROM", "_G.tmr")) {
			assertTrue(model.isRomTable(path), path + " should be a ROM table");
		}
		for (String path : List.of("package", "_G", "tmr.create", "tmr.ALARM_AUTO", "myTable", "io")) {
			assertFalse(model.isRomTable(path), path + " should not be a ROM table");
		}
	}

	@Test
	void arityOfFunctionsWithSeveralCallForms() {
		assertArity("node.task.post", 1, 2);
		assertArity("node.random", 0, 2);
		assertArity("gpio.mode", 2, 3);
		assertArity("gpio.write", 2, 2);
		assertArity("wifi.sta.config", 1, 1);
		assertArity("wifi.setmode", 1, 2);
		assertArity("uart.setup", 5, 6);
		assertArity("mqtt.Client", 2, 6);
		assertArity("net.ping", 2, 4);
		assertArity("xpcall", 2, 2);
		assertArity("table.insert", 2, 3);
		assertEquals(1, function("wifi.sta.config").params().size());
		FirmwareFunction subscribe = model.objectType("mqtt.client").orElseThrow().method("subscribe").orElseThrow();
		assertTrue(subscribe.acceptsArgumentCount(1) && subscribe.acceptsArgumentCount(2) && subscribe.acceptsArgumentCount(3));
		assertFalse(subscribe.acceptsArgumentCount(0) || subscribe.acceptsArgumentCount(4));
	}

	@Test
	void oldStyleCreateServerCallsPassTooManyArguments() {
		FirmwareFunction createServer = function("net.createServer");
		assertEquals(OptionalInt.of(1), createServer.maxArgs());
		// net.createServer(net.TCP, 30) would set a 1 s timeout on the board
		assertFalse(createServer.acceptsArgumentCount(2));
		assertTrue(createServer.acceptsArgumentCount(0));
		assertEquals(List.of("net.tcpserver"), createServer.returns());
	}

	@Test
	void variadicFunctionsHaveNoUpperBound() {
		for (String path : List.of("print", "pcall", "string.format", "bit.band", "uart.write", "i2c.write", "struct.pack", "select")) {
			FirmwareFunction function = function(path);
			assertTrue(function.isVararg(), path);
			assertTrue(function.maxArgs().isEmpty(), path);
			assertTrue(function.acceptsArgumentCount(40), path);
		}
		assertFalse(function("bit.band").acceptsArgumentCount(1));
	}

	@Test
	void constantsHaveTheFirmwareValues() {
		assertEquals(1, constant("tmr.ALARM_AUTO"));
		assertEquals(0, constant("tmr.ALARM_SINGLE"));
		assertEquals(2, constant("tmr.ALARM_SEMI"));
		assertEquals(1, constant("gpio.OUTPUT"));
		assertEquals(2, constant("gpio.INT"));
		assertEquals(1, constant("net.TCP"));
		assertEquals(2, constant("net.UDP"));
		assertEquals(1, constant("wifi.STATION"));
		assertEquals(3, constant("wifi.STATIONAP"));
		assertEquals(2, constant("node.task.HIGH_PRIORITY"));
		assertEquals(4, constant("node.egc.ALWAYS"));
		assertEquals(400000, constant("i2c.FAST"));
		assertEquals(-5, constant("mqtt.CONN_FAIL_SERVER_NOT_FOUND"));
		assertEquals(255, constant("adc.INIT_VDD33"));
		assertEquals(15, constant("wifi.eventmon.reason.4WAY_HANDSHAKE_TIMEOUT"));
		assertEquals(204, constant("wifi.eventmon.reason.HANDSHAKE_TIMEOUT"));
		assertEquals(8, constant("wifi.eventmon.WIFI_MODE_CHANGED"));
	}

	@Test
	void constantsWithoutAValueInTheReferenceStillExist() {
		LookupResult.Constant intUp = assertInstanceOf(LookupResult.Constant.class, model.lookup("node.INT_UP"));
		assertFalse(intUp.constant().hasValue());
		assertInstanceOf(LookupResult.Constant.class, model.lookup("wifi.eventmon.EVENT_MAX"));
	}

	@Test
	void aMisspeltMemberIsAnUnknownMemberOfItsTable() {
		LookupResult.UnknownMember unknown = assertInstanceOf(LookupResult.UnknownMember.class, model.lookup("tmr.creat"));
		assertEquals("tmr", unknown.tablePath());
		assertEquals("creat", unknown.member());
		assertTrue(unknown.table().isRom());

		LookupResult.UnknownMember deep = assertInstanceOf(LookupResult.UnknownMember.class, model.lookup("wifi.sta.connnect"));
		assertEquals("wifi.sta", deep.tablePath());
		assertEquals("connnect", deep.member());

		// package is a RAM table: an unknown member may be the script's own
		assertFalse(assertInstanceOf(LookupResult.UnknownMember.class, model.lookup("package.mine")).table().isRom());
	}

	@Test
	void theGlobalTableAndRomAreLookedThrough() {
		assertEquals("tmr.create()", function("_G.tmr.create").signature());
		assertInstanceOf(LookupResult.Function.class, model.lookup("ROM.print"));
		assertInstanceOf(LookupResult.Field.class, model.lookup("_G"));
		assertInstanceOf(LookupResult.Field.class, model.lookup("_VERSION"));
	}

	@Test
	void namesTheFirmwareDoesNotDefineAreUnknown() {
		assertInstanceOf(LookupResult.Unknown.class, model.lookup("myCounter"));
		assertInstanceOf(LookupResult.Unknown.class, model.lookup("config.ssid"));
		// members of functions are not described
		assertInstanceOf(LookupResult.Unknown.class, model.lookup("tmr.create.x"));
	}

	@Test
	void sjsonHasNoNullEntryDespiteTheDocs() {
		assertTrue(absentMessage("sjson.NULL").contains("light userdata"));
	}

	@Test
	void aDefaultModuleWithoutDescribedApiIsNotChecked() {
		FirmwareTable dht = assertInstanceOf(LookupResult.Table.class, model.lookup("dht")).table();
		assertFalse(dht.isDescribed());
		assertTrue(dht.isInDefaultBuild());
		assertEquals("dht", assertInstanceOf(LookupResult.Undescribed.class, model.lookup("dht.read")).module());
		assertTrue(model.lookup("dht.read").existsOnBoard());
	}

	@Test
	void socketsAndMqttClientsNameTheirEvents() {
		ObjectType socket = model.objectType("net.tcpsocket").orElseThrow();
		assertEquals(List.of("connection", "reconnection", "disconnection", "receive", "sent", "dns"), List.copyOf(socket.events().keySet()));
		assertEquals(List.of("sock", "data"), socket.event("receive").orElseThrow().params());
		assertEquals(List.of("sock", "data", "port", "ip"), model.objectType("net.udpsocket").orElseThrow().event("receive").orElseThrow().params());

		ObjectType mqtt = model.objectType("mqtt.client").orElseThrow();
		assertEquals(Set.of("connect", "connfail", "suback", "unsuback", "puback", "message", "overflow", "offline"), mqtt.events().keySet());
		assertEquals(List.of("client", "topic", "data"), mqtt.event("message").orElseThrow().params());
		assertEquals(List.of("mqtt.client"), function("mqtt.Client").returns());
	}

	@Test
	void factoryFunctionsReturnTheirObjectTypes() {
		assertEquals(List.of("file.obj|nil"), function("file.open").returns());
		assertEquals(List.of("net.tcpsocket"), function("net.createConnection").returns());
		assertEquals(List.of("net.udpsocket"), function("net.createUDPSocket").returns());
		assertEquals(List.of("sjson.encoder"), function("sjson.encoder").returns());
		assertEquals(List.of("sjson.decoder"), function("sjson.decoder").returns());
		assertEquals(List.of("crypto.hash"), function("crypto.new_hash").returns());
		assertEquals(List.of("pipe"), function("pipe.create").returns());
	}

	@Test
	void globalNamesAreWhatAScriptCanReadWithoutDefiningIt() {
		Set<String> names = model.forProfile(BoardProfile.defaultBuild()).globalNames();
		assertTrue(names.containsAll(Set.of("print", "pairs", "ipairs", "require", "unpack", "loadstring", "setfenv", "module", "newproxy", "gcinfo",
				"_G", "_VERSION", "ROM", "string", "table", "coroutine", "math", "debug", "package", "tmr", "node", "wifi", "net", "file", "gpio", "mqtt",
				"pipe", "dht")), names.toString());
		for (String missing : List.of("io", "os", "bit32", "utf8", "sjson", "http", "_PROMPT")) {
			assertFalse(names.contains(missing), missing);
		}
		assertTrue(model.globalHooks().containsKey("_PROMPT"));
	}

	@Test
	void deprecatedFunctionsSayWhatToUseInstead() {
		assertEquals("use node.LFS.get", function("node.flashindex").deprecated().orElseThrow());
		assertTrue(function("node.startupcommand").deprecated().orElseThrow().contains("node.startup"));
		assertTrue(function("tmr.create").deprecated().isEmpty());
	}

	@Test
	void errorsAreTheFirmwareStringsVerbatim() {
		assertTrue(function("node.task.post").errors().contains("invalid  priority"), "two spaces, as in the source");
		assertTrue(function("gpio.write").errors().contains("wrong level type"));
		assertTrue(function("wifi.sta.config").errors().contains("config table not found!"));
	}
}
