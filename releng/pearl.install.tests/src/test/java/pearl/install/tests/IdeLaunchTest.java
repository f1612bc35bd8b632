package pearl.install.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pearl ide}, as a newcomer runs it, opens the Pearl workbench window on the X display
 * (the test script's Xvfb) and logs no error while starting.
 */
class IdeLaunchTest {

	private static final Pattern WINDOW_NAME = Pattern.compile("^\\s*0x[0-9a-f]+ \"([^\"]*)\"");

	@Test
	void pearlIdeOpensTheWorkbenchWindow(@TempDir Path temp) throws Exception {
		assertNotNull(System.getenv("DISPLAY"), "needs an X display: run the tests through ./test.sh");
		Path root = Path.of(System.getProperty("pearl.repository.root")).toRealPath();
		Path workspace = temp.resolve("workspace");
		Path output = temp.resolve("pearl-ide.out");
		long start = System.nanoTime();
		Process ide = new ProcessBuilder(root.resolve("pearl").toString(), "ide", "--workspace", workspace.toString())
				.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			String title = waitForWindowNamed("Pearl", ide, output, Duration.ofMinutes(2));
			System.out.printf("./pearl ide: window \"%s\" up after %.1f s%n", title, (System.nanoTime() - start) / 1e9);
			assertTrue(title.endsWith("- Pearl") || title.equals("Pearl"), title);
			Thread.sleep(1000); // let the workbench finish its start-up jobs before reading the log
			assertEquals(List.of(), errorEntries(workspace.resolve(".metadata/.log")));
		} finally {
			ide.descendants().forEach(ProcessHandle::destroy);
			ide.destroy();
			ide.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String waitForWindowNamed(String name, Process ide, Path output, Duration timeout)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!ide.isAlive()) {
				fail("./pearl ide ended with " + ide.exitValue() + " before its window opened:\n" + Files.readString(output));
			}
			Process xwininfo = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
			String tree = new String(xwininfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			xwininfo.waitFor();
			for (String line : tree.split("\n")) {
				Matcher m = WINDOW_NAME.matcher(line);
				if (m.find() && m.group(1).contains(name)) {
					return m.group(1);
				}
			}
			Thread.sleep(100);
		}
		fail("no window named " + name + " after " + timeout + "; output:\n" + Files.readString(output));
		return null;
	}

	/** The ERROR entries (severity 4) of an Eclipse log, each with the lines that follow it. */
	private static List<String> errorEntries(Path log) throws IOException {
		if (!Files.exists(log)) {
			return List.of();
		}
		String[] entries = Files.readString(log).split("(?m)^(?=!ENTRY )");
		return java.util.Arrays.stream(entries).filter(e -> e.matches("(?s)!ENTRY \\S+ 4 .*")).toList();
	}
}
