package pearl.cli;

import java.io.PrintStream;

/** Where a command writes: its normal output and its diagnostics. */
record Console(PrintStream out, PrintStream err) {

	static Console system() {
		return new Console(System.out, System.err);
	}
}
