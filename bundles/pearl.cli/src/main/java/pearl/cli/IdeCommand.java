package pearl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pearl ide [--workspace DIR] [-- ECLIPSE-ARGS...]}: starts the Pearl IDE, by default on
 * a fresh workspace with the example project imported, and waits until it is closed.
 */
final class IdeCommand implements Command {

	/** System property through which ./pearl says where the repository's example projects are. */
	static final String EXAMPLES_PROPERTY = "pearl.examples";

	/** The example a fresh workspace starts with. */
	static final String SAMPLE = "weather-station";

	/**
	 * The IDE's system property naming the folder of a project to import into its empty workspace
	 * (read by pearl.lua.ui's SampleProjectStartup, which opens the project's init.lua).
	 */
	static final String SAMPLE_PROPERTY = "pearl.sample";

	/** The IDE's system property that has the imported sample run on an emulated board (pearl.ui's SampleRunStartup). */
	static final String SAMPLE_RUN_PROPERTY = "pearl.sample.run";

	private final IdeInstallation installation;

	IdeCommand(IdeInstallation installation) {
		this.installation = installation;
	}

	@Override
	public String name() {
		return "ide";
	}

	@Override
	public String summary() {
		return "start the Pearl IDE (Eclipse), on a fresh workspace unless --workspace is given";
	}

	@Override
	public String usage() {
		return """
				Usage: pearl ide [--workspace DIR] [-- ECLIPSE-ARGS...]

				Starts the Pearl IDE and waits until it is closed.

				  --workspace DIR   the Eclipse workspace to open (created if missing);
				                    without it, a new workspace in the temporary folder, with
				                    the example project weather-station imported, its init.lua
				                    open and the project running on an emulated board
				  -- ARGS...        passed on to Eclipse unchanged
				""";
	}

	@Override
	public int run(List<String> args, Console console) throws UsageException {
		Launch launch = parse(args);
		Path launcherJar;
		try {
			launcherJar = installation.launcherJar();
		} catch (IdeInstallation.IdeMissingException e) {
			console.err().println("pearl ide: " + e.getMessage());
			return Main.USAGE;
		}
		Path workspace;
		try {
			workspace = launch.workspace() != null ? Files.createDirectories(launch.workspace())
					: Files.createTempDirectory("pearl-workspace-");
		} catch (IOException e) {
			console.err().println("pearl ide: cannot create the workspace " + e.getMessage());
			return Main.USAGE;
		}
		Path sample = launch.workspace() == null ? sampleProject() : null;
		List<String> command = commandLine(javaExecutable(), launcherJar, workspace, sample, launch.eclipseArgs());
		console.err().println("pearl ide: starting Pearl on workspace " + workspace);
		try {
			Process process = new ProcessBuilder(command).directory(installation.home().toFile()).inheritIO().start();
			return process.waitFor();
		} catch (IOException e) {
			console.err().println("pearl ide: cannot start " + command.get(0) + ": " + e.getMessage());
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/** What the command line asked for. */
	record Launch(Path workspace, List<String> eclipseArgs) {
	}

	static Launch parse(List<String> args) throws UsageException {
		Path workspace = null;
		List<String> eclipseArgs = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				eclipseArgs.addAll(args.subList(i + 1, args.size()));
				break;
			} else if (arg.equals("--workspace")) {
				if (i + 1 >= args.size()) {
					throw new UsageException("--workspace needs a folder");
				}
				workspace = Path.of(args.get(++i));
			} else if (arg.startsWith("--workspace=")) {
				workspace = Path.of(arg.substring("--workspace=".length()));
			} else {
				throw new UsageException("unknown argument '" + arg + "'");
			}
		}
		return new Launch(workspace == null ? null : workspace.toAbsolutePath(), List.copyOf(eclipseArgs));
	}

	/**
	 * The process that runs the IDE: the Equinox launcher on this Java, on the workspace; with the
	 * folder of a project to import when {@code sample} is not null.
	 */
	static List<String> commandLine(Path java, Path launcherJar, Path workspace, Path sample, List<String> eclipseArgs) {
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xms256m", "-Xmx1024m", "-Dosgi.requiredJavaVersion=17"));
		if (sample != null) {
			command.add("-D" + SAMPLE_PROPERTY + "=" + sample);
			command.add("-D" + SAMPLE_RUN_PROPERTY + "=true");
		}
		command.addAll(List.of("-jar", launcherJar.toString(), "-data", workspace.toString()));
		command.addAll(eclipseArgs);
		return command;
	}

	/** The example project for a fresh workspace, or null when ./pearl did not say where the examples are. */
	static Path sampleProject() {
		String examples = System.getProperty(EXAMPLES_PROPERTY);
		Path sample = examples == null ? null : Path.of(examples, SAMPLE);
		return sample != null && Files.isDirectory(sample) ? sample : null;
	}

	private static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}
}
