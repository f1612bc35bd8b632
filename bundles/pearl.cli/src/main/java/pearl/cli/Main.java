package pearl.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The `pearl` command: dispatches to a sub-command. Exit codes: 0 success, 1 the command found
 * errors (or the program it started failed), 2 bad usage or an input that cannot be read.
 */
public final class Main {

	/** Exit code for a wrong command line. */
	static final int USAGE = 2;

	private final Map<String, Command> commands = new LinkedHashMap<>();
	private final Console console;

	Main(Console console, List<Command> commands) {
		this.console = console;
		for (Command command : commands) {
			this.commands.put(command.name(), command);
		}
	}

	/** The commands this build of Pearl has. */
	static List<Command> defaultCommands() {
		return List.of(new LintCommand(), new RunCommand(), new TestCommand(), new ReplCommand(), new LspCommand(), new DapCommand(),
				new UploadCommand(), new FilesCommand(), new ConsoleCommand(), new RescueCommand(), new FlashCommand(),
				new IdeCommand(IdeInstallation.fromSystemProperty()));
	}

	public static void main(String[] args) {
		System.exit(new Main(Console.system(), defaultCommands()).run(Arrays.asList(args)));
	}

	/** Runs the command line and returns the exit code. */
	int run(List<String> args) {
		if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
			if (args.size() > 1 && commands.containsKey(args.get(1))) {
				console.out().print(commands.get(args.get(1)).usage());
				return 0;
			}
			console.out().print(help());
			return args.isEmpty() ? USAGE : 0;
		}
		if (args.get(0).equals("--version")) {
			console.out().println("pearl " + version());
			return 0;
		}
		Command command = commands.get(args.get(0));
		if (command == null) {
			console.err().println("pearl: unknown command '" + args.get(0) + "'. Commands: " + String.join(", ", commands.keySet())
					+ ". See 'pearl --help'.");
			return USAGE;
		}
		List<String> rest = args.subList(1, args.size());
		if (rest.contains("--help") || rest.contains("-h")) {
			console.out().print(command.usage());
			return 0;
		}
		try {
			return command.run(rest, console);
		} catch (UsageException e) {
			console.err().println("pearl " + command.name() + ": " + e.getMessage());
			console.err().print(command.usage());
			return USAGE;
		}
	}

	String help() {
		StringBuilder text = new StringBuilder();
		text.append("Pearl ").append(version()).append(": the NodeMCU Lua development environment.\n\n");
		text.append("Usage: pearl COMMAND [ARGS...]\n\nCommands:\n");
		int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
		for (Command command : commands.values()) {
			text.append("  ").append(command.name()).append(" ".repeat(width - command.name().length() + 3))
					.append(command.summary()).append('\n');
		}
		text.append("\nOptions:\n  --help, -h   this help; 'pearl COMMAND --help' for one command\n  --version    the version of Pearl\n");
		return text.toString();
	}

	static String version() {
		String version = Main.class.getPackage().getImplementationVersion();
		return version == null ? "(development build)" : version;
	}
}
