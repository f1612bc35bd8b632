package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class LintCommandTest {

	@TempDir
	Path project;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void writeProject() throws IOException {
		Files.writeString(project.resolve("init.lua"), "local x = 1\nprint(x)\n");
		Files.createDirectories(project.resolve("lib"));
		Files.writeString(project.resolve("lib/leak.lua"), "count = 0\n");
		Files.writeString(project.resolve("lib/notes.txt"), "not lua (\n");
	}

	private int lint(String... args) {
		Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Main(console, Main.defaultCommands()).run(java.util.stream.Stream.concat(java.util.stream.Stream.of("lint"),
				java.util.Arrays.stream(args)).toList());
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void warningsAloneExitZeroAndPrintOneLineEach() {
		assertEquals(0, lint(project.toString()));
		String leak = project.resolve("lib/leak.lua").toString();
		assertEquals(leak + ":1:1: warning: setting global 'count': it stays in RAM until the board reboots; make it local, "
				+ "or declare it in .luacheckrc globals [global-write]\n", out());
	}

	@Test
	void aSyntaxErrorExitsOne() throws IOException {
		Files.writeString(project.resolve("broken.lua"), "if x then\n");
		assertEquals(1, lint(project.resolve("broken.lua").toString()));
		assertTrue(out().endsWith("broken.lua:2:1: error: 'end' expected near '<eof>' [syntax]\n"), out());
	}

	@Test
	void aRuleCanBeMadeAnErrorOrTurnedOff() {
		assertEquals(1, lint("--rule", "global-write=error", project.toString()));
		out.reset();
		assertEquals(0, lint("--rule=global-write=off", project.toString()));
		assertEquals("", out());
	}

	@Test
	void jsonListsEveryFindingWithItsRange() {
		assertEquals(0, lint("--format", "json", project.toString()));
		JsonArray findings = JsonParser.parseString(out()).getAsJsonArray();
		assertEquals(1, findings.size());
		JsonObject finding = findings.get(0).getAsJsonObject();
		assertEquals(project.resolve("lib/leak.lua").toString(), finding.get("file").getAsString());
		assertEquals(1, finding.get("line").getAsInt());
		assertEquals(1, finding.get("column").getAsInt());
		assertEquals(1, finding.get("endLine").getAsInt());
		assertEquals(6, finding.get("endColumn").getAsInt(), "'count' spans columns 1-5");
		assertEquals("warning", finding.get("severity").getAsString());
		assertEquals("global-write", finding.get("code").getAsString());
	}

	@Test
	void sarifIsOneRunOfPearlWithRulesAndResults() {
		assertEquals(0, lint("--format=sarif", project.toString()));
		JsonObject log = JsonParser.parseString(out()).getAsJsonObject();
		assertEquals("2.1.0", log.get("version").getAsString());
		JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals("Pearl", run.getAsJsonObject("tool").getAsJsonObject("driver").get("name").getAsString());
		JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
		assertEquals("global-write", result.get("ruleId").getAsString());
		assertEquals("warning", result.get("level").getAsString());
		assertEquals(1, result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
				.getAsJsonObject("region").get("startLine").getAsInt());
	}

	@Test
	void aMissingPathExitsTwoButTheRestIsStillLinted() {
		assertEquals(2, lint(project.resolve("nope.lua").toString(), project.resolve("lib").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read " + project.resolve("nope.lua") + ": no such file or folder"));
		assertTrue(out().contains("[global-write]"), out());
	}

	@Test
	void aBinaryFileIsASyntaxErrorNotACrash() throws IOException {
		Files.write(project.resolve("firmware.lua"), new byte[] { 0x7f, 'E', 'L', 'F', 0, 1, (byte) 0xff, (byte) 0xfe, '\n', 0 });
		assertEquals(1, lint(project.resolve("firmware.lua").toString()));
		assertTrue(out().contains("firmware.lua:1:1: error: unexpected symbol near"), out());
	}

	@Test
	void theProjectsLuacheckrcIsHonoured() throws IOException {
		Path config = project.resolve(".luacheckrc");
		Files.writeString(config, """
				globals = {"count"}
				files["lib/generated"] = { ignore = {"unused-local"} }
				exclude_files = {"vendor/**"}
				""");
		Files.createDirectories(project.resolve("lib/generated"));
		Files.writeString(project.resolve("lib/generated/table.lua"), "local unused = 1\n");
		Files.createDirectories(project.resolve("vendor"));
		Files.writeString(project.resolve("vendor/broken.lua"), "if\n");
		Files.writeString(project.resolve("lib/quiet.lua"), "local unused = 1 -- luacheck: ignore\nlocal also = 2\n");
		assertEquals(0, lint("--config", config.toString(), project.toString()));
		assertEquals(List.of(project.resolve("lib/quiet.lua") + ":2:7: warning: unused variable 'also' [unused-local]"), out().lines().toList());
	}

	@Test
	void aBrokenLuacheckrcIsAUsageErrorNamingItsLine() throws IOException {
		Path config = project.resolve(".luacheckrc");
		Files.writeString(config, "globals = {\n\"count\"\n");
		assertEquals(2, lint("--config", config.toString(), project.toString()));
		String message = err.toString(StandardCharsets.UTF_8);
		assertTrue(message.contains(".luacheckrc:3:"), message);
	}

	@Test
	void badUsageExitsTwo() {
		assertEquals(2, lint("--format", "xml", project.toString()));
		assertEquals(2, lint("--rule", "no-such-rule=error", project.toString()));
		assertEquals(2, lint("--rule", "global-write=loud", project.toString()));
		assertEquals(2, lint());
	}

	@Test
	void theShadedJarLintsOnAFlatClassPath() throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("pearl.cli.jar"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "lint", project.resolve("lib").toString())
				.redirectErrorStream(true).start();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), output);
		assertTrue(output.contains("leak.lua:1:1: warning: setting global 'count'"), output);
		assertEquals(List.of(), output.lines().filter(l -> !l.contains("[global-write]")).toList(), "nothing but the finding");
	}
}
