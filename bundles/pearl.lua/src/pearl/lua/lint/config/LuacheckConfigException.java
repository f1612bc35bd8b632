package pearl.lua.lint.config;

import java.util.Objects;

/**
 * A {@code .luacheckrc} that Pearl cannot use: not valid Lua, failing when run, running away, or
 * setting an option to a value of the wrong type. The message names the file, the line when Lua
 * gives one, and what is wrong, e.g. {@code .luacheckrc:3: attempt to index ? (a nil value)} or
 * {@code .luacheckrc: option 'globals' must be a table of names, got string}.
 */
public final class LuacheckConfigException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final String problem;

	/**
	 * @param file    the configuration file's name as the user knows it
	 * @param line    the 1-based line of the mistake, or -1 when unknown
	 * @param problem what is wrong, in words
	 */
	public LuacheckConfigException(String file, int line, String problem) {
		super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
		this.file = Objects.requireNonNull(file);
		this.line = line > 0 ? line : -1;
		this.problem = Objects.requireNonNull(problem);
	}

	/** The configuration file's name. */
	public String file() {
		return file;
	}

	/** The 1-based line of the mistake, or -1 when Lua does not say. */
	public int line() {
		return line;
	}

	/** What is wrong, without file and line. */
	public String problem() {
		return problem;
	}
}
