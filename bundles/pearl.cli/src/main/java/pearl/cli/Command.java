package pearl.cli;

import java.util.List;

/** One `pearl` sub-command: its name, a one-line summary for the help, and what it does. */
interface Command {

	/** The word that selects this command on the command line. */
	String name();

	/** One line for `pearl --help`. */
	String summary();

	/** The command's own usage text, shown by `pearl COMMAND --help` and after a usage error. */
	String usage();

	/**
	 * Runs the command with the arguments that follow its name.
	 *
	 * @return the process exit code
	 * @throws UsageException when the arguments are wrong (exit code 2)
	 */
	int run(List<String> args, Console console) throws UsageException;
}
