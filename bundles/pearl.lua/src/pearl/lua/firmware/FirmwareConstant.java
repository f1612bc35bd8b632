package pearl.lua.firmware;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A constant of a module or library table, such as {@code tmr.ALARM_AUTO} or {@code math.pi}.
 *
 * @param name  the key in its table
 * @param path  the dotted path, e.g. {@code tmr.ALARM_AUTO}
 * @param value a {@link Long}, a {@link Double} or a {@link String}; {@code null} when the
 *              reference names the constant without giving its value (e.g. {@code node.INT_UP},
 *              {@code math.huge}, which JSON cannot write)
 * @param type  the type word: {@code integer}, {@code number} or {@code string}
 * @param doc   a description, or an empty string
 */
public record FirmwareConstant(String name, String path, Object value, String type, String doc) {

	/** Checks the arguments. */
	public FirmwareConstant {
		Objects.requireNonNull(name);
		Objects.requireNonNull(path);
		Objects.requireNonNull(type);
		Objects.requireNonNull(doc);
		if (value != null && !(value instanceof Long || value instanceof Double || value instanceof String)) {
			throw new IllegalArgumentException("constant value must be Long, Double or String: " + value);
		}
	}

	/** Whether the data file knows the value. */
	public boolean hasValue() {
		return value != null;
	}

	/** The value when it is an integer. */
	public OptionalLong integerValue() {
		return value instanceof Long number ? OptionalLong.of(number) : OptionalLong.empty();
	}
}
