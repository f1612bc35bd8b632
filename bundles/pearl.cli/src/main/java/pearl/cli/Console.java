package pearl.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads its input and writes its normal output and its diagnostics. */
record Console(InputStream in, PrintStream out, PrintStream err) {

	/** A console whose input is the process's. */
	Console(PrintStream out, PrintStream err) {
		this(System.in, out, err);
	}

	static Console system() {
		return new Console(System.in, System.out, System.err);
	}
}
