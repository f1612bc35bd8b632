package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeCommandTest {

	@Test
	void workspaceOptionInBothSpellings() throws UsageException {
		assertEquals(Path.of("/tmp/ws"), IdeCommand.parse(List.of("--workspace", "/tmp/ws")).workspace());
		assertEquals(Path.of("/tmp/ws"), IdeCommand.parse(List.of("--workspace=/tmp/ws")).workspace());
		assertNull(IdeCommand.parse(List.of()).workspace(), "no option means a fresh workspace");
	}

	@Test
	void relativeWorkspaceIsMadeAbsolute() throws UsageException {
		Path workspace = IdeCommand.parse(List.of("--workspace", "ws")).workspace();
		assertTrue(workspace.isAbsolute());
		assertEquals(Path.of("ws").toAbsolutePath(), workspace);
	}

	@Test
	void workspaceWithoutAFolderIsAUsageError() {
		UsageException e = assertThrows(UsageException.class, () -> IdeCommand.parse(List.of("--workspace")));
		assertTrue(e.getMessage().contains("--workspace needs a folder"));
	}

	@Test
	void argumentsAfterDoubleDashGoToEclipse() throws UsageException {
		assertEquals(List.of("-clean", "-consoleLog"), IdeCommand.parse(List.of("--", "-clean", "-consoleLog")).eclipseArgs());
	}

	@Test
	void commandLineStartsTheEquinoxLauncherOnTheWorkspace() {
		List<String> command = IdeCommand.commandLine(Path.of("/jdk/bin/java"), Path.of("/ide/plugins/launcher.jar"),
				Path.of("/ws"), null, List.of("-clean"));
		assertEquals("/jdk/bin/java", command.get(0));
		int jar = command.indexOf("-jar");
		assertEquals("/ide/plugins/launcher.jar", command.get(jar + 1));
		int data = command.indexOf("-data");
		assertTrue(data > jar, "-data is a program argument, after the jar: " + command);
		assertEquals("/ws", command.get(data + 1));
		assertEquals("-clean", command.get(command.size() - 1));
		assertTrue(command.stream().noneMatch(arg -> arg.startsWith("-Dpearl.sample")), "no sample asked for: " + command);
	}

	@Test
	void aFreshWorkspaceGetsTheSampleProjectAsASystemPropertyOfTheIde() {
		List<String> command = IdeCommand.commandLine(Path.of("/jdk/bin/java"), Path.of("/ide/plugins/launcher.jar"),
				Path.of("/ws"), Path.of("/repo/examples/weather-station"), List.of());
		int sample = command.indexOf("-Dpearl.sample=/repo/examples/weather-station");
		assertTrue(sample > 0 && sample < command.indexOf("-jar"), "a JVM option, before the jar: " + command);
		int run = command.indexOf("-Dpearl.sample.run=true");
		assertTrue(run > 0 && run < command.indexOf("-jar"), "the sample runs on an emulated board from the start: " + command);
	}

	@Test
	void theSampleIsTheWeatherStationOfTheExamplesFolderThatPearlNames(@TempDir Path examples) throws IOException {
		String before = System.getProperty(IdeCommand.EXAMPLES_PROPERTY);
		try {
			System.setProperty(IdeCommand.EXAMPLES_PROPERTY, examples.toString());
			assertNull(IdeCommand.sampleProject(), "no weather-station folder there");
			Path station = Files.createDirectories(examples.resolve("weather-station"));
			assertEquals(station, IdeCommand.sampleProject());
			System.clearProperty(IdeCommand.EXAMPLES_PROPERTY);
			assertNull(IdeCommand.sampleProject(), "./pearl did not say where the examples are");
		} finally {
			if (before != null) {
				System.setProperty(IdeCommand.EXAMPLES_PROPERTY, before);
			}
		}
	}

	@Test
	void findsTheLauncherJarOfAnInstallation(@TempDir Path home) throws Exception {
		Files.createDirectories(home.resolve("plugins/org.eclipse.equinox.launcher.gtk.linux.x86_64_1.2.900"));
		Path launcher = Files.createFile(home.resolve("plugins/org.eclipse.equinox.launcher_1.6.700.v20240213-1244.jar"));
		Files.createFile(home.resolve("plugins/org.eclipse.osgi_3.19.0.jar"));
		assertEquals(launcher, new IdeInstallation(home).launcherJar());
	}

	@Test
	void installationWithoutLauncherIsReported(@TempDir Path home) throws IOException {
		Files.createDirectories(home.resolve("plugins"));
		IdeInstallation.IdeMissingException e = assertThrows(IdeInstallation.IdeMissingException.class,
				() -> new IdeInstallation(home).launcherJar());
		assertTrue(e.getMessage().contains("no org.eclipse.equinox.launcher jar"), e.getMessage());
	}
}
