package pearl.lua.firmware;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a firmware function or method (methods do not list {@code self}).
 *
 * @param name     the name used in documentation, e.g. {@code interval_ms}
 * @param type     a type in the words of {@link FirmwareTypes}, e.g. {@code integer|string}
 * @param optional whether a call may leave it (and every later parameter) out
 * @param callback when the argument is a callback: the names of the parameters the firmware
 *                 passes to it, e.g. {@code [timer]}; empty when not a callback or not described
 */
public record Parameter(String name, String type, boolean optional, List<String> callback) {

	/** Checks and copies the arguments. */
	public Parameter {
		Objects.requireNonNull(name);
		Objects.requireNonNull(type);
		callback = List.copyOf(callback);
	}

	/** Whether the parameter describes a callback with named parameters. */
	public boolean isCallback() {
		return !callback.isEmpty();
	}

	@Override
	public String toString() {
		return optional ? "[" + name + "]" : name;
	}
}
