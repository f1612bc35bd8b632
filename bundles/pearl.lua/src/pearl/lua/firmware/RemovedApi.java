package pearl.lua.firmware;

import java.util.Objects;

/**
 * An API that older firmware had and this one no longer has, such as the static timer functions
 * {@code tmr.alarm(id, ...)}. Calling it on the board fails with "attempt to call field ... (a nil
 * value)"; the linter can say what to write instead.
 *
 * @param path        the dotted path, e.g. {@code tmr.alarm}
 * @param replacement what to use instead, e.g. {@code tmr.create():alarm(interval_ms, mode, fn)}
 * @param note        when and why it went away
 */
public record RemovedApi(String path, String replacement, String note) {

	/** Checks the arguments. */
	public RemovedApi {
		Objects.requireNonNull(path);
		Objects.requireNonNull(replacement);
		Objects.requireNonNull(note);
	}
}
