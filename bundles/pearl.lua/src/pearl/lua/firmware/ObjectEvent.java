package pearl.lua.firmware;

import java.util.List;
import java.util.Objects;

/**
 * An event that an object's {@code :on(event, fn)} accepts, e.g. {@code "receive"} of a TCP socket.
 *
 * @param name   the event name passed as a string
 * @param params the names of the parameters the callback receives, e.g. {@code [sock, data]}
 * @param doc    when the event fires
 */
public record ObjectEvent(String name, List<String> params, String doc) {

	/** Checks and copies the arguments. */
	public ObjectEvent {
		Objects.requireNonNull(name);
		Objects.requireNonNull(doc);
		params = List.copyOf(params);
	}
}
