package pearl.lua.firmware;

import java.util.Objects;

/**
 * A firmware data file or a board profile file that cannot be used: not JSON, or JSON of the wrong
 * shape. The message names the file and, where known, the JSON path of the offending value
 * (for example {@code nodemcu-firmware.json: $.modules.tmr.functions.create.params: expected an
 * array, found a string}), so whoever edits the file can go straight to the mistake.
 */
public final class FirmwareDataException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final String jsonPath;
	private final String problem;

	/**
	 * @param source   the file name (or other description of where the JSON came from)
	 * @param jsonPath the JSON path of the bad value, {@code $} for the whole document, or
	 *                 {@code null} when the text is not JSON at all
	 * @param problem  what is wrong, in words
	 */
	public FirmwareDataException(String source, String jsonPath, String problem) {
		this(source, jsonPath, problem, null);
	}

	/** Same as {@link #FirmwareDataException(String, String, String)}, keeping the cause. */
	public FirmwareDataException(String source, String jsonPath, String problem, Throwable cause) {
		super(format(source, jsonPath, problem), cause);
		this.source = Objects.requireNonNull(source);
		this.jsonPath = jsonPath;
		this.problem = Objects.requireNonNull(problem);
	}

	private static String format(String source, String jsonPath, String problem) {
		return jsonPath == null ? source + ": " + problem : source + ": " + jsonPath + ": " + problem;
	}

	/** The file name the data came from. */
	public String source() {
		return source;
	}

	/** The JSON path of the bad value ({@code $.a.b[2]}), or {@code null} for a syntax error. */
	public String jsonPath() {
		return jsonPath;
	}

	/** What is wrong, without file name and path. */
	public String problem() {
		return problem;
	}
}
