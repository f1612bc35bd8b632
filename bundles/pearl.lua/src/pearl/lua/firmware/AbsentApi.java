package pearl.lua.firmware;

import java.util.Objects;

/**
 * Something a Lua programmer expects that the board does not have, such as the {@code io}
 * library, {@code math.sin} or {@code bit32}, with a message that says what to use instead.
 *
 * @param path    the dotted path, e.g. {@code io} or {@code math.sin}
 * @param message a complete sentence for the user
 */
public record AbsentApi(String path, String message) {

	/** Checks the arguments. */
	public AbsentApi {
		Objects.requireNonNull(path);
		Objects.requireNonNull(message);
	}
}
