package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pearl.lua.tests.WarningPatternTest.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.config.LuacheckConfig;
import pearl.lua.lint.config.LuacheckConfigException;

/** .luacheckrc evaluated in a sandbox and applied to concrete paths. */
class LuacheckConfigTest {

	private Path folder;

	@BeforeEach
	void createFolder() throws IOException {
		folder = Files.createTempDirectory("pearl-luacheckrc");
	}

	@AfterEach
	void deleteFolder() throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private Path write(String text) throws IOException {
		Path file = folder.resolve(".luacheckrc");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static LuacheckConfigException failure(String text) {
		return assertThrows(LuacheckConfigException.class, () -> LuacheckConfig.parse(".luacheckrc", text), text);
	}

	@Test
	void optionsAndFilesOverridesApplyToAConcretePath() throws IOException {
		LuacheckConfig config = LuacheckConfig.load(write("""
				std = "lua51+busted"
				globals = {"wifi_ready", count = {fields = {}}, "mqtt_client.state"}
				read_globals = {"config"}
				ignore = {"212/self", "timer-leak"}
				exclude_files = {"lib/**/*.lua", "vendor"}
				files["spec"] = {std = "+nodemcu", globals = {"describe"}}
				files["src/**/*_test.lua"] = {ignore = {"2"}}
				files["src"].read_globals = {"app"}
				files["src/legacy.lua"] = {new_globals = {"legacy"}, enable = {"timer-leak"}}
				"""));
		LintConfig base = new LintConfig().globals(Set.of("from_pearl"));

		LintConfig test = config.configFor("src/net/wifi_test.lua", base);
		assertTrue(test.isDeclaredGlobal("wifi_ready"));
		assertTrue(test.isDeclaredGlobal("count"));
		assertTrue(test.isDeclaredGlobal("mqtt_client"));
		assertTrue(test.isDeclaredGlobal("from_pearl"));
		assertTrue(test.isReadableGlobal("config"));
		assertFalse(test.isDeclaredGlobal("config"));
		assertTrue(test.isReadableGlobal("app"));
		assertFalse(test.isReadableGlobal("describe"));
		assertTrue(test.isSuppressed(issue("unused-local", "x")));
		assertTrue(test.isSuppressed(issue("timer-leak", null)));
		assertFalse(test.isSuppressed(issue("global-write", "x")));

		LintConfig legacy = config.configFor("./src/legacy.lua", base);
		assertTrue(legacy.isDeclaredGlobal("legacy"));
		assertFalse(legacy.isDeclaredGlobal("wifi_ready"));
		assertFalse(legacy.isDeclaredGlobal("from_pearl"));
		assertTrue(legacy.isReadableGlobal("config"));
		assertTrue(legacy.isReadableGlobal("app"));
		assertFalse(legacy.isSuppressed(issue("timer-leak", null)));
		assertFalse(legacy.isSuppressed(issue("unused-local", "x")));
		assertTrue(legacy.isSuppressed(issue("unused-local", "self")));

		LintConfig main = config.configFor("init.lua", base);
		assertTrue(main.isDeclaredGlobal("wifi_ready"));
		assertFalse(main.isReadableGlobal("app"));
		assertTrue(main.isSuppressed(issue("timer-leak", null)));
		assertTrue(config.configFor("spec\\wifi_spec.lua", base).isDeclaredGlobal("describe"));

		// the base is left as it was
		assertFalse(base.isDeclaredGlobal("wifi_ready"));
		assertFalse(base.isSuppressed(issue("timer-leak", null)));

		assertTrue(config.excludes("lib/mqtt/client.lua"));
		assertTrue(config.excludes("lib/client.lua"));
		assertFalse(config.excludes("lib/README.md"));
		assertTrue(config.excludes("vendor/json.lua"));
		assertTrue(config.excludes("./vendor/deep/down/x.lua"));
		assertFalse(config.excludes("vendors/x.lua"));
		assertFalse(config.excludes("src/app.lua"));
	}

	@Test
	void stdNamesAreRecordedAndStdTablesDeclareGlobals() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", """
				stds.nodemcu = {read_globals = {"node", "wifi", tmr = {fields = {create = {}}}}, globals = {"uart_buffer"}}
				std = "lua51+nodemcu"
				files["spec"].std = "+busted"
				files["tools"].std = "max"
				""");
		assertEquals(List.of("lua51", "nodemcu"), config.std());
		assertEquals(List.of("lua51", "nodemcu", "busted"), config.stdFor("spec/app_spec.lua"));
		assertEquals(List.of("max"), config.stdFor("tools/flash.lua"));
		assertEquals(Set.of("nodemcu"), config.definedStds());
		LintConfig main = config.configFor("init.lua", new LintConfig());
		assertTrue(main.isReadableGlobal("node") && main.isReadableGlobal("tmr"));
		assertFalse(main.isDeclaredGlobal("node"));
		assertTrue(main.isDeclaredGlobal("uart_buffer"));
		assertFalse(config.configFor("tools/flash.lua", new LintConfig()).isReadableGlobal("node"));

		LuacheckConfig table = LuacheckConfig.parse(".luacheckrc", "std = {globals = {'g'}, read_globals = {'r'}}\n");
		assertEquals(List.of(), table.std());
		LintConfig applied = table.configFor("a.lua", new LintConfig());
		assertTrue(applied.isDeclaredGlobal("g"));
		assertTrue(applied.isReadableGlobal("r") && !applied.isDeclaredGlobal("r"));
		assertEquals(List.of(), LuacheckConfig.parse(".luacheckrc", "globals = {}\n").std());
	}

	@Test
	void newGlobalsReplaceAndPlainOnesAdd() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", """
				globals = {"a"}
				read_globals = {"r1"}
				files["src"] = {new_globals = {"b"}, globals = {"c"}, new_read_globals = {"r2"}}
				files["src/deep"] = {globals = {"d"}}
				std = {globals = {"from_std"}}
				""");
		LintConfig base = new LintConfig().globals(Set.of("from_base"));
		LintConfig top = config.configFor("init.lua", base);
		assertEquals(Set.of("from_base", "a", "from_std"), top.declaredGlobals());
		LintConfig src = config.configFor("src/deep/x.lua", base);
		assertEquals(Set.of("b", "c", "d", "from_std"), src.declaredGlobals());
		assertEquals(Set.of("r2"), src.declaredReadGlobals());
	}

	@Test
	void moreSpecificFilesEntriesWin() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", """
				ignore = {"212"}
				files["src/dir/**/*_special.lua"] = {ignore = {"212"}}
				files["src/dir"] = {enable = {"212"}}
				""");
		assertTrue(config.configFor("init.lua", new LintConfig()).isSuppressed(issue("unused-local", "x")));
		assertFalse(config.configFor("src/dir/a/b.lua", new LintConfig()).isSuppressed(issue("unused-local", "x")));
		assertTrue(config.configFor("src/dir/a/b_special.lua", new LintConfig()).isSuppressed(issue("unused-local", "x")));
	}

	@Test
	void aReturnedTableGivesOptionsToo() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", "globals = {'g'}\nreturn {read_globals = {'r'}, globals = {'h'}}\n");
		LintConfig applied = config.configFor("a.lua", new LintConfig());
		assertTrue(applied.isReadableGlobal("r"));
		assertTrue(applied.isDeclaredGlobal("h"));
		assertFalse(applied.isDeclaredGlobal("g"));
	}

	@Test
	void configsMayComputeTheirOptions() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", """
				local modules = {"gpio", "tmr", "wifi"}
				read_globals = {}
				for _, name in ipairs(modules) do table.insert(read_globals, string.upper(name:sub(1, 1)) .. name:sub(2)) end
				local ok = pcall(error, "caught")
				if ok then globals = {"never"} end
				globals = {("x"):rep(3), tostring(math.max(1, 2)) == "2" and "two" or "other", select("#", 1, 2) == 2 and "sel" or "no"}
				""");
		LintConfig applied = config.configFor("a.lua", new LintConfig());
		assertEquals(Set.of("Gpio", "Tmr", "Wifi"), applied.declaredReadGlobals());
		assertEquals(Set.of("xxx", "two", "sel"), applied.declaredGlobals());
	}

	@Test
	void aRunawayLoopFailsClearlyInsteadOfHanging() throws IOException {
		Path file = write("globals = {}\nwhile true do end\n");
		LuacheckConfigException error = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> assertThrows(LuacheckConfigException.class, () -> LuacheckConfig.load(file)));
		assertEquals(file.toString(), error.file());
		assertTrue(error.getMessage().startsWith(file + ":2: "), error.getMessage());
		assertTrue(error.getMessage().contains("does not finish"), error.getMessage());

		for (String runaway : List.of("pcall(function() while true do end end)", "while true do pcall(function() end) end",
				"local function f() return f() end f()", "local function f() f() end f()", "local s = 'x' for i = 1, 40 do s = s .. s end",
				"local s = ('x'):rep(1e9)", "local s = string.rep('x', 1e9)")) {
			LuacheckConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> failure(runaway), runaway);
			assertTrue(e.getMessage().startsWith(".luacheckrc:1: "), e.getMessage());
		}
	}

	@Test
	void aSyntaxErrorNamesTheFileAndTheLine() throws IOException {
		Path file = write("std = \"max\"\nglobals = {\n  \"a\" \"b\"\n}\n");
		LuacheckConfigException error = assertThrows(LuacheckConfigException.class, () -> LuacheckConfig.load(file));
		assertEquals(3, error.line());
		assertTrue(error.getMessage().startsWith(file + ":3: "), error.getMessage());

		LuacheckConfigException unexpected = failure("x = = 1");
		assertEquals(".luacheckrc:1: unexpected symbol near '='", unexpected.getMessage());
		assertEquals(".luacheckrc:3: unexpected symbol near '<eof>'", failure("a = 1\nb = {\n").getMessage());
		assertEquals(".luacheckrc:2: unexpected symbol near 'end'", failure("a = 1\nb = end\n").getMessage());
	}

	@Test
	void aRuntimeErrorNamesTheFileAndTheLine() {
		LuacheckConfigException error = failure("globals = {}\nlocal t = nil\nt.x = 1\n");
		assertEquals(3, error.line());
		assertTrue(error.getMessage().startsWith(".luacheckrc:3: "), error.getMessage());
		assertEquals(".luacheckrc:2: bad std", failure("\nerror('bad std')").getMessage());
		assertTrue(failure("error({})").getMessage().contains("table value"));
	}

	@Test
	void theSandboxRefusesFilesProcessesAndModules() throws IOException {
		Path victim = folder.resolve("victim.txt");
		String path = victim.toString().replace("\\", "\\\\");
		for (String escape : List.of("os.exit(1)", "io.open('" + path + "', 'w'):write('owned')", "require('socket')",
				"dofile('" + path + "')", "loadfile('" + path + "')", "load('return 1')()", "loadstring('return 1')()",
				"debug.sethook()", "luajava.bindClass('java.lang.System'):exit(1)", "package.loaded.os.exit()",
				"setmetatable(_G, {})", "getmetatable('').__index.rep = nil", "string.dump(print)")) {
			LuacheckConfigException error = failure(escape);
			assertTrue(error.getMessage().startsWith(".luacheckrc:1: "), error.getMessage());
		}
		assertFalse(Files.exists(victim));
		assertTrue(failure("os.exit()").getMessage().contains("'os' is not available"), failure("os.exit()").getMessage());
		assertTrue(failure("local f = require").getMessage().contains("'require' is not available"));
		// reading an ordinary unset global is still nil
		assertEquals(Set.of("fine"), LuacheckConfig.parse(".luacheckrc", "if undefined_thing == nil then globals = {'fine'} end")
				.configFor("a.lua", new LintConfig()).declaredGlobals());
	}

	@Test
	void optionsOfTheWrongTypeAreExplained() {
		assertEquals(".luacheckrc: option 'globals' must be a table of names, got string", failure("globals = 'foo'").getMessage());
		assertTrue(failure("ignore = {212}").getMessage().contains("option 'ignore' must hold strings, found a number"));
		assertTrue(failure("files = {src = 'x'}").getMessage().contains("files[\"src\"] must be a table of options, got string"));
		assertTrue(failure("files.src = {globals = 3}").getMessage().contains("files[\"src\"].globals must be a table of names, got number"));
		assertTrue(failure("std = 5").getMessage().contains("option 'std' must be a string or a table, got number"));
		assertTrue(failure("ignore = {'[a'}").getMessage().contains("bad pattern '[a'"));
		assertTrue(failure("read_globals = {true}").getMessage().contains("must hold names (strings), found a boolean"));
		assertTrue(failure("globals = {foo = 1}").getMessage().contains("option 'globals': entry 'foo' must be a field definition table"));
		assertTrue(failure("exclude_files = 'lib'").getMessage().contains("option 'exclude_files' must be an array of strings"));
		assertTrue(failure("unused = 'no'").getMessage().contains("option 'unused' must be a boolean"));
		assertTrue(failure("stds.x = 1").getMessage().contains("stds.x must be a table"));
	}

	@Test
	void booleanOptionsTurnWarningGroupsOff() {
		LuacheckConfig config = LuacheckConfig.parse(".luacheckrc", "unused = false\nfiles['src'].unused = true\nglobal = false\n");
		assertTrue(config.configFor("a.lua", new LintConfig()).isSuppressed(issue("unused-local", "x")));
		assertTrue(config.configFor("a.lua", new LintConfig()).isSuppressed(issue("global-write", "x")));
		assertFalse(config.configFor("a.lua", new LintConfig()).isSuppressed(issue("shadowed-local", "x")));
		assertFalse(config.configFor("src/a.lua", new LintConfig()).isSuppressed(issue("unused-local", "x")));
	}
}
