package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.BoardProfile.NumberType;
import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.LookupResult;

/** Board profiles: which modules a board's firmware has and how it represents numbers. */
class BoardProfileTest {

	private static final FirmwareModel MODEL = FirmwareModel.load();

	@Test
	void theDefaultBuildIsTheUserModulesListPlusPipe() {
		BoardProfile profile = BoardProfile.defaultBuild();
		assertEquals(Set.of("adc", "bit", "dht", "file", "gpio", "i2c", "mqtt", "net", "node", "ow", "spi", "tmr", "uart", "wifi", "pipe"), profile.modules());
		assertEquals(NumberType.FLOAT, profile.numberType());
	}

	@Test
	void allModulesCoversEveryDescribedModule() {
		BoardProfile all = BoardProfile.allModules();
		assertEquals(MODEL.modules().keySet(), all.modules());
		assertTrue(all.modules().containsAll(Set.of("sjson", "crypto", "encoder", "http", "rtctime", "struct", "pwm", "pwm2")));
		assertEquals(all, MODEL.profile());
	}

	@Test
	void aModuleLeftOutOfTheBuildIsNotInBuild() {
		FirmwareModel standard = MODEL.forProfile(BoardProfile.defaultBuild());
		assertInstanceOf(LookupResult.Function.class, standard.lookup("mqtt.Client"));

		FirmwareModel withoutMqtt = MODEL.forProfile(BoardProfile.defaultBuild().without("mqtt"));
		LookupResult.NotInBuild result = assertInstanceOf(LookupResult.NotInBuild.class, withoutMqtt.lookup("mqtt.Client"));
		assertEquals("mqtt", result.module());
		assertInstanceOf(LookupResult.NotInBuild.class, withoutMqtt.lookup("mqtt"));
		assertFalse(withoutMqtt.globalNames().contains("mqtt"));
		assertFalse(withoutMqtt.isRomTable("mqtt"));

		// not selected by default
		assertInstanceOf(LookupResult.NotInBuild.class, standard.lookup("sjson.encode"));
		assertInstanceOf(LookupResult.NotInBuild.class, standard.lookup("http.get"));
	}

	@Test
	void changingTheBuildKeepsTheHardwareWiringWhenTheProfileIsWrittenAgain() {
		String wiring = "{\"i2c\":[{\"device\":\"bme280\",\"address\":118}]}";
		BoardProfile read = BoardProfile.parse("{\"modules\": [\"node\", \"i2c\"], \"hardware\": " + wiring + "}", "board.json");
		// what the IDE's board page does: leave a module out, write the file again
		BoardProfile written = BoardProfile.parse(read.withModules(Set.of("node")).toJson(), "board.json");
		assertEquals(Set.of("node"), written.modules());
		assertTrue(written.toJson().contains("\"hardware\": " + wiring), written.toJson());
		assertEquals(read.withModules(Set.of("node")), written);
	}

	@Test
	void pipeIsInEveryBuild() {
		FirmwareModel bare = MODEL.forProfile(BoardProfile.of(List.of(), NumberType.FLOAT));
		assertInstanceOf(LookupResult.Function.class, bare.lookup("pipe.create"));
		assertInstanceOf(LookupResult.NotInBuild.class, bare.lookup("tmr.create"));
		assertEquals(Set.of("pipe"), bare.modulesInBuild());
		// the standard libraries do not depend on the module selection
		assertInstanceOf(LookupResult.Function.class, bare.lookup("string.format"));
	}

	@Test
	void anIntegerBuildTrimsMathFurther() {
		FirmwareModel integer = MODEL.forProfile(BoardProfile.defaultBuild().withNumberType(NumberType.INTEGER));
		for (String present : List.of("abs", "ceil", "floor", "max", "min", "pow", "random", "randomseed", "sqrt")) {
			assertInstanceOf(LookupResult.Function.class, integer.lookup("math." + present), present);
		}
		assertInstanceOf(LookupResult.Constant.class, integer.lookup("math.huge"));
		assertInstanceOf(LookupResult.Absent.class, integer.lookup("math.sin"));
		LookupResult.Absent pi = assertInstanceOf(LookupResult.Absent.class, integer.lookup("math.pi"));
		assertTrue(pi.api().message().contains("integer build"), pi.api().message());

		// float builds keep pi
		assertInstanceOf(LookupResult.Constant.class, MODEL.forProfile(BoardProfile.defaultBuild()).lookup("math.pi"));
	}

	@Test
	void anIntegerBuildDocumentsNodeRandomReturningZero() {
		FirmwareModel integer = MODEL.forProfile(BoardProfile.defaultBuild().withNumberType(NumberType.INTEGER));
		String doc = assertInstanceOf(LookupResult.Function.class, integer.lookup("node.random")).function().doc();
		assertTrue(doc.contains("returns 0"), doc);
		String floatDoc = assertInstanceOf(LookupResult.Function.class, MODEL.lookup("node.random")).function().doc();
		assertFalse(floatDoc.contains("returns 0"), floatDoc);
	}

	@Test
	void modulesTheDataFileDoesNotDescribeAreAcceptedButNotChecked() {
		FirmwareModel custom = MODEL.forProfile(BoardProfile.of(List.of("node", "ws2812"), NumberType.FLOAT));
		assertEquals("ws2812", assertInstanceOf(LookupResult.Undescribed.class, custom.lookup("ws2812.init")).module());
		assertTrue(custom.globalNames().contains("ws2812"));
		assertTrue(custom.isRomTable("ws2812"));
		assertFalse(custom.isRomTable("ws2812.buffer"));
	}

	@Test
	void readsAProfileFile() throws IOException {
		Path file = Files.createTempFile("board", ".json");
		try {
			Files.writeString(file, "{\"modules\": [\"node\", \"tmr\", \"wifi\"], \"numberType\": \"integer\"}", StandardCharsets.UTF_8);
			BoardProfile profile = BoardProfile.read(file);
			assertEquals(Set.of("node", "tmr", "wifi"), profile.modules());
			assertEquals(NumberType.INTEGER, profile.numberType());
			assertEquals(BoardProfile.of(List.of("wifi", "tmr", "node"), NumberType.INTEGER), profile);
		} finally {
			Files.delete(file);
		}
	}

	@Test
	void theNumberTypeDefaultsToFloat() {
		assertEquals(NumberType.FLOAT, BoardProfile.parse("{\"modules\": []}", "board.json").numberType());
		assertEquals(NumberType.FLOAT, BoardProfile.parse("{\"modules\": [], \"numberType\": \"double\"}", "board.json").numberType());
	}

	@Test
	void aMalformedProfileFileNamesTheFileAndTheProblem() throws IOException {
		Path file = Files.createTempFile("broken-board", ".json");
		try {
			Files.writeString(file, "{\"modules\": \"tmr\"}", StandardCharsets.UTF_8);
			FirmwareDataException error = assertThrows(FirmwareDataException.class, () -> BoardProfile.read(file));
			assertTrue(error.getMessage().startsWith(file.toString() + ": "), error.getMessage());
			assertEquals("$.modules", error.jsonPath());
			assertTrue(error.getMessage().contains("expected an array, found a string"), error.getMessage());
		} finally {
			Files.delete(file);
		}
	}

	@Test
	void eachKindOfProfileMistakeIsExplained() {
		assertProfileError("{\"modules\": [\"node\"], \"numberType\": \"int\"}", "$.numberType", "expected \"float\" or \"integer\"");
		assertProfileError("{\"module\": [\"node\"]}", "$.module", "unknown key");
		assertProfileError("{\"numberType\": \"float\"}", "$", "missing key \"modules\"");
		assertProfileError("{\"modules\": [\"node\", 3]}", "$.modules[1]", "expected a string, found a number");
		assertProfileError("{\"modules\": [\"no-such module\"]}", "$.modules[0]", "not a module name");
		assertProfileError("[\"node\", \"tmr\"]", "$", "must be a JSON object");
		assertProfileError("{\"modules\": [\"node\",]}", null, "not valid JSON");
		assertProfileError("", null, "not valid JSON");
	}

	private static void assertProfileError(String json, String jsonPath, String fragment) {
		FirmwareDataException error = assertThrows(FirmwareDataException.class, () -> BoardProfile.parse(json, "board.json"), json);
		assertTrue(error.getMessage().startsWith("board.json: "), error.getMessage());
		assertEquals(jsonPath, error.jsonPath(), error.getMessage());
		assertTrue(error.getMessage().contains(fragment), error.getMessage());
	}

	@Test
	void aMissingProfileFileIsAnIoError() {
		assertThrows(NoSuchFileException.class, () -> BoardProfile.read(Path.of("/nonexistent/board.json")));
	}

	@Test
	void aProfileWrittenByTheIdeReadsBackTheSameForTheCommandLine() throws IOException {
		BoardProfile chosen = BoardProfile.of(List.of("node", "tmr", "wifi", "sjson"), NumberType.INTEGER, 50_000);
		Path file = Files.createTempFile("board", ".json");
		try {
			chosen.write(file);
			BoardProfile read = BoardProfile.read(file);
			assertEquals(chosen, read);
			assertEquals(50_000, read.heap());
			assertInstanceOf(LookupResult.NotInBuild.class, MODEL.forProfile(read).lookup("mqtt.Client"));
		} finally {
			Files.delete(file);
		}
	}

	@Test
	void aHeapNoEsp8266HasIsRefused() {
		BoardProfile profile = BoardProfile.defaultBuild();
		assertEquals(30_000, profile.withHeap(30_000).heap());
		IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class, () -> profile.withHeap(200_000));
		assertTrue(tooMuch.getMessage().contains("between"), tooMuch.getMessage());
		assertThrows(IllegalArgumentException.class, () -> profile.withHeap(100));
	}

	@Test
	void withModulesKeepsNumberTypeAndHeap() {
		BoardProfile integer = BoardProfile.defaultBuild().withNumberType(NumberType.INTEGER).withHeap(20_000);
		BoardProfile narrowed = integer.withModules(Set.of("node", "file"));
		assertEquals(Set.of("node", "file"), narrowed.modules());
		assertEquals(NumberType.INTEGER, narrowed.numberType());
		assertEquals(20_000, narrowed.heap());
	}
}
