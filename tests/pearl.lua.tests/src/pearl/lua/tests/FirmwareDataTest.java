package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;
import pearl.lua.firmware.FirmwareTypes;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.firmware.Parameter;

/**
 * Walks the whole data file and checks what every entry must satisfy, so that a careless edit of
 * the hand-written JSON shows up here rather than as a wrong lint in a user's editor.
 */
class FirmwareDataTest {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static FirmwareModel model;
	private static Map<String, FirmwareFunction> allFunctions;
	private static Map<String, FirmwareTable> allTables;

	@BeforeAll
	static void collect() {
		model = FirmwareModel.load();
		allFunctions = new LinkedHashMap<>();
		allTables = new LinkedHashMap<>();
		model.globalFunctions().values().forEach(f -> allFunctions.put(f.qualifiedName(), f));
		model.libraries().values().forEach(FirmwareDataTest::collect);
		model.modules().values().forEach(FirmwareDataTest::collect);
		model.objectTypes().values().forEach(o -> o.methods().values().forEach(m -> allFunctions.put(m.qualifiedName(), m)));
	}

	private static void collect(FirmwareTable table) {
		allTables.put(table.path(), table);
		table.functions().values().forEach(f -> allFunctions.put(f.qualifiedName(), f));
		table.tables().values().forEach(FirmwareDataTest::collect);
	}

	@Test
	void theModelIsNotTrivial() {
		assertTrue(allFunctions.size() > 250, "functions: " + allFunctions.size());
		assertTrue(allTables.size() > 30, "tables: " + allTables.size());
	}

	@Test
	void everyFunctionIsConsistentlyDescribed() {
		List<String> problems = new ArrayList<>();
		for (FirmwareFunction function : allFunctions.values()) {
			String where = function.qualifiedName() + ": ";
			if (!IDENTIFIER.matcher(function.name()).matches()) {
				problems.add(where + "name is not an identifier");
			}
			if (function.doc().isBlank()) {
				problems.add(where + "no doc");
			}
			Set<String> names = new HashSet<>();
			boolean sawOptional = false;
			for (Parameter parameter : function.params()) {
				if (parameter.name().isBlank() || !IDENTIFIER.matcher(parameter.name()).matches()) {
					problems.add(where + "parameter name '" + parameter.name() + "'");
				}
				if (!names.add(parameter.name())) {
					problems.add(where + "parameter '" + parameter.name() + "' twice");
				}
				if (!FirmwareTypes.isValid(parameter.type(), model.objectTypes()::containsKey)) {
					problems.add(where + "type '" + parameter.type() + "' of " + parameter.name());
				}
				// alternative call forms are modelled with union types, so a required parameter
				// never follows an optional one: min/max arity stay meaningful for the linter
				if (parameter.optional()) {
					sawOptional = true;
				} else if (sawOptional) {
					problems.add(where + "required '" + parameter.name() + "' after an optional parameter");
				}
				if (parameter.isCallback() && !FirmwareTypes.admitsFunction(parameter.type())) {
					problems.add(where + "callback on non-function parameter " + parameter.name());
				}
				for (String callbackParam : parameter.callback()) {
					if (!IDENTIFIER.matcher(callbackParam).matches()) {
						problems.add(where + "callback parameter '" + callbackParam + "'");
					}
				}
			}
			for (int i = 0; i < function.returns().size(); i++) {
				String type = function.returns().get(i);
				boolean many = type.endsWith(FirmwareTypes.MANY);
				if (many && i != function.returns().size() - 1) {
					problems.add(where + "'...' result not last");
				}
				String base = many ? type.substring(0, type.length() - 3) : type;
				if (!FirmwareTypes.isValid(base, model.objectTypes()::containsKey)) {
					problems.add(where + "result type '" + type + "'");
				}
			}
			if (function.maxArgs().isPresent() && function.maxArgs().getAsInt() < function.minArgs()) {
				problems.add(where + "max args below min args");
			}
			function.errors().forEach(error -> {
				if (error.isBlank()) {
					problems.add(where + "blank error message");
				}
			});
		}
		assertEquals(List.of(), problems);
	}

	@Test
	void everyTableIsDocumentedAndModulesAreRom() {
		for (FirmwareTable table : allTables.values()) {
			assertFalse(table.doc().isBlank(), table.path());
			if (table.kind() != FirmwareTable.Kind.LIBRARY) {
				assertTrue(table.isRom(), table.path() + " must be a ROM table");
			}
			for (String member : table.memberNames()) {
				assertFalse(table.removed().containsKey(member), table.path() + "." + member + " is both present and removed");
			}
			table.removed().values().forEach(removed -> {
				assertFalse(removed.replacement().isBlank(), removed.path());
				assertFalse(removed.note().isBlank(), removed.path());
			});
		}
	}

	@Test
	void theLibrariesAreThoseOfTheBoard() {
		assertEquals(Set.of("string", "table", "coroutine", "math", "debug", "package"), model.libraries().keySet());
		for (String rom : List.of("string", "table", "coroutine", "math", "debug")) {
			assertTrue(model.libraries().get(rom).isRom(), rom);
		}
		assertFalse(model.libraries().get("package").isRom());
		assertEquals(Set.of("getregistry", "getstrings", "traceback"), model.libraries().get("debug").memberNames());
		assertEquals(Set.of("abs", "ceil", "floor", "max", "min", "pow", "random", "randomseed", "sqrt", "pi", "huge"),
				model.libraries().get("math").memberNames());
		assertTrue(model.globalFunctions().keySet().containsAll(Set.of("assert", "collectgarbage", "dofile", "error", "gcinfo", "getfenv", "getmetatable",
				"loadfile", "load", "loadstring", "next", "pcall", "print", "rawequal", "rawget", "rawset", "select", "setfenv", "setmetatable", "tonumber",
				"tostring", "type", "unpack", "xpcall", "ipairs", "pairs", "newproxy", "require", "module")));
	}

	@Test
	void theModulesOfTheReferenceAreAllThere() {
		assertTrue(model.modules().keySet().containsAll(Set.of("node", "tmr", "file", "gpio", "net", "wifi", "uart", "i2c", "spi", "ow", "adc", "pwm",
				"pwm2", "bit", "sjson", "crypto", "encoder", "mqtt", "http", "rtctime", "struct", "pipe", "dht")), model.modules().keySet().toString());
		assertTrue(model.module("pipe").orElseThrow().isAlwaysOn());
		for (String path : List.of("node.task", "node.egc", "node.LFS", "wifi.sta", "wifi.ap", "wifi.ap.dhcp", "wifi.eventmon", "wifi.eventmon.reason",
				"net.dns", "gpio.pulse")) {
			assertInstanceOf(LookupResult.Table.class, model.lookup(path), path);
		}
	}

	@Test
	void everyObjectTypeIsReturnedBySomeFunction() {
		Set<String> returned = new HashSet<>();
		for (FirmwareFunction function : allFunctions.values()) {
			for (String type : function.returns()) {
				for (String alternative : type.replace(FirmwareTypes.MANY, "").split("\\|")) {
					returned.add(alternative);
				}
			}
		}
		for (ObjectType type : model.objectTypes().values()) {
			assertTrue(returned.contains(type.name()), type.name() + " is never returned, so no script can reach it");
			assertFalse(type.doc().isBlank(), type.name());
			type.events().values().forEach(event -> {
				assertFalse(event.params().isEmpty(), type.name() + " event " + event.name());
				assertFalse(event.doc().isBlank(), type.name() + " event " + event.name());
			});
			if (!type.events().isEmpty()) {
				assertTrue(type.method("on").isPresent(), type.name() + " has events but no :on");
			}
		}
	}

	@Test
	void everyAbsentEntryReallyIsAbsent() {
		model.absentApis().forEach((path, api) -> {
			assertFalse(api.message().isBlank(), path);
			LookupResult.Absent absent = assertInstanceOf(LookupResult.Absent.class, model.lookup(path), path + " is shadowed by a real member");
			assertEquals(path, absent.api().path());
		});
		for (String math : List.of("sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "log", "log10", "fmod", "modf", "frexp", "ldexp", "deg",
				"rad", "sinh", "cosh", "tanh", "mod")) {
			assertTrue(model.absentApis().containsKey("math." + math), math);
		}
		for (String debug : List.of("getinfo", "getlocal", "sethook", "gethook", "getupvalue", "setupvalue", "setlocal", "getmetatable", "setmetatable",
				"getfenv", "setfenv", "debug")) {
			assertTrue(model.absentApis().containsKey("debug." + debug), debug);
		}
	}

	@Test
	void theIntegerBuildNotesAndMathListFitTheModel() {
		assertTrue(model.libraries().get("math").memberNames().containsAll(model.integerBuild().math()));
		model.integerBuild().notes().keySet().forEach(path -> assertInstanceOf(LookupResult.Function.class, model.lookup(path), path));
	}

	// ---- malformed data files ----

	private static final String MINIMAL = """
			{"firmware": "test", "globals": {"functions": {}, "values": {}}, "libraries": {},
			 "modules": {"m": {"default": true, "doc": "d", "functions": {
			   "f": {"params": [{"name": "a", "type": "integer"}], "returns": [], "doc": "d"}}}},
			 "objects": {}, "absent": {}, "integerBuild": {"doc": "d", "math": [], "message": "m"}}
			""";

	private static FirmwareDataException malformed(String json) {
		return assertThrows(FirmwareDataException.class, () -> FirmwareModel.parse(json, "broken.json"), json);
	}

	@Test
	void theMinimalTestDocumentIsValid() {
		FirmwareModel small = FirmwareModel.parse(MINIMAL, "small.json");
		assertEquals(1, assertInstanceOf(LookupResult.Function.class, small.lookup("m.f")).function().minArgs());
	}

	@Test
	void aMalformedDataFileNamesTheFileAndTheJsonPath() {
		FirmwareDataException badType = malformed(MINIMAL.replace("\"integer\"", "\"integr\""));
		assertEquals("$.modules.m.functions.f.params[0].type", badType.jsonPath());
		assertTrue(badType.getMessage().startsWith("broken.json: $.modules.m.functions.f.params[0].type: unknown type \"integr\""), badType.getMessage());

		assertEquals("$.modules.m.functions.f", malformed(MINIMAL.replace("\"returns\": [], ", "")).jsonPath());
		assertEquals("$.modules.m.functions.f.params", malformed(MINIMAL.replace("\"params\": [{\"name\": \"a\", \"type\": \"integer\"}]", "\"params\": \"a\"")).jsonPath());
		assertEquals("$.modules.m.functions.f.retruns", malformed(MINIMAL.replace("\"returns\"", "\"retruns\"")).jsonPath());
		assertEquals("$.modules.m.functions.f.params[0].optional",
				malformed(MINIMAL.replace("\"type\": \"integer\"", "\"type\": \"integer\", \"optional\": false")).jsonPath());
		assertEquals("$.modules.m.functions.f.returns[0]", malformed(MINIMAL.replace("\"returns\": []", "\"returns\": [\"any...\", \"string\"]")).jsonPath());
		assertEquals("$.modules.m.functions.f.params[0].type", malformed(MINIMAL.replace("\"integer\"", "\"tmr.timer\"")).jsonPath());
		assertEquals("$.modules.m.default", malformed(MINIMAL.replace("\"default\": true", "\"default\": \"yes\"")).jsonPath());
		assertEquals("$.modules.m.doc", malformed(MINIMAL.replace("\"doc\": \"d\", \"functions\"", "\"doc\": \"  \", \"functions\"")).jsonPath());
	}

	@Test
	void aRepeatedKeyIsRejectedRatherThanSilentlyDroppingAnApi() {
		FirmwareDataException duplicate = malformed(MINIMAL.replace("\"doc\": \"d\", \"functions\": {", "\"doc\": \"d\", \"functions\": {\"f\": {\"params\": [], \"returns\": [], \"doc\": \"d\"},"));
		assertEquals("$.modules.m.functions.f", duplicate.jsonPath());
		assertTrue(duplicate.problem().contains("twice"), duplicate.getMessage());
	}

	@Test
	void textThatIsNotJsonIsReportedWithTheFileName() {
		FirmwareDataException syntax = malformed(MINIMAL.replace("\"test\",", "\"test\""));
		assertTrue(syntax.getMessage().startsWith("broken.json: not valid JSON"), syntax.getMessage());
		assertTrue(malformed("{\"firmware\": 'x'}").getMessage().contains("not valid JSON"));
		assertTrue(malformed(MINIMAL + " {}").getMessage().startsWith("broken.json: "));
	}

	@Test
	void noTruncationOrRemovedSectionOfTheRealFileCausesAnythingButADataError() throws IOException {
		String real;
		try (InputStream in = FirmwareModel.class.getResourceAsStream(FirmwareModel.RESOURCE)) {
			real = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (int cut = 0; cut < real.length(); cut += real.length() / 97 + 1) {
			String truncated = real.substring(0, cut);
			try {
				FirmwareModel.parse(truncated, "cut.json");
				fail("a truncated file was accepted at " + cut);
			} catch (FirmwareDataException expected) {
				assertTrue(expected.getMessage().startsWith("cut.json: "), expected.getMessage());
			}
		}
		for (String section : List.of("\"globals\"", "\"libraries\"", "\"modules\"", "\"objects\"", "\"absent\"", "\"integerBuild\"", "\"firmware\"")) {
			String renamed = real.replaceFirst(section + ":", "\"x" + section.substring(1) + ":");
			FirmwareDataException error = malformed(renamed);
			assertTrue(error.getMessage().startsWith("broken.json: $"), error.getMessage());
		}
	}
}
