package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MainTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Main(console, List.of(new IdeCommand(new IdeInstallation(Path.of("/nonexistent/pearl-ide"))))).run(List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void helpListsTheCommandsThatExist() {
		assertEquals(0, run("--help"));
		assertTrue(out().contains("Usage: pearl COMMAND"), out());
		assertTrue(out().lines().anyMatch(l -> l.matches("\\s+ide\\s+start the Pearl IDE.*")), out());
	}

	@Test
	void noArgumentsShowsTheHelpAsAUsageError() {
		assertEquals(2, run());
		assertTrue(out().contains("Commands:"), out());
	}

	@Test
	void unknownCommandIsAUsageErrorNamingTheCommand() {
		assertEquals(2, run("flsh"));
		assertTrue(err().contains("unknown command 'flsh'"), err());
		assertTrue(err().contains("ide"), "should list the commands: " + err());
	}

	@Test
	void commandHelpShowsItsOptions() {
		assertEquals(0, run("ide", "--help"));
		assertTrue(out().contains("--workspace DIR"), out());
		assertEquals(0, run("help", "ide"));
	}

	@Test
	void unknownOptionOfACommandIsAUsageError() {
		assertEquals(2, run("ide", "--worksapce", "/tmp/x"));
		assertTrue(err().contains("unknown argument '--worksapce'"), err());
		assertTrue(err().contains("Usage: pearl ide"), err());
	}

	@Test
	void ideWithoutABuiltIdeSaysWhereItLookedAndHowToBuildIt() {
		assertEquals(2, run("ide"));
		assertTrue(err().contains("/nonexistent/pearl-ide"), err());
		assertTrue(err().contains("./pearl ide"), err());
	}

	@Test
	void theShadedJarRunsAsAProgram() throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("pearl.cli.jar"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--version").redirectErrorStream(true).start();
		assertTrue(process.waitFor(60, TimeUnit.SECONDS));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), output);
		assertEquals("pearl 0.1.0-SNAPSHOT", output.strip());
	}
}
