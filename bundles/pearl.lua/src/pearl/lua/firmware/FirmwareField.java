package pearl.lua.firmware;

import java.util.Objects;

/**
 * A value that is not a function, a constant or a described sub-table: a global such as
 * {@code _G}, {@code _VERSION} or {@code ROM}, or a table entry such as {@code package.path} or
 * {@code node.LFS.time}. Unlike constants these may change or be assigned.
 *
 * @param name  the key
 * @param path  the dotted path
 * @param type  a type in the words of {@link FirmwareTypes}
 * @param rom   for tables: whether it is a read-only ROM table (only {@code ROM} is)
 * @param value the initial value where the reference gives it ({@code package.path}), else {@code null}
 * @param doc   a description
 */
public record FirmwareField(String name, String path, String type, boolean rom, Object value, String doc) {

	/** Checks the arguments. */
	public FirmwareField {
		Objects.requireNonNull(name);
		Objects.requireNonNull(path);
		Objects.requireNonNull(type);
		Objects.requireNonNull(doc);
	}
}
