package pearl.cli;

/** The command line was wrong; the message says how, and the process exits with 2. */
final class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
