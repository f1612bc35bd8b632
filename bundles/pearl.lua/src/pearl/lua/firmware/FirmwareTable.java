package pearl.lua.firmware;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table of the firmware: a standard library ({@code string}, {@code math}, {@code package}),
 * a firmware module ({@code tmr}, {@code wifi}) or a sub-table of one ({@code wifi.sta},
 * {@code node.task}). Holds functions, constants, other fields and sub-tables, plus the
 * members that older firmware had ({@link #removed()}).
 *
 * <p>Every module and sub-table, and every library except {@code package}, is a ROM table on the
 * board: assigning to it raises "table is readonly".
 */
public final class FirmwareTable {

	/** What kind of table this is. */
	public enum Kind {
		/** A standard Lua library, present in every build. */
		LIBRARY,
		/** A firmware module, present only in builds that select it. */
		MODULE,
		/** A table inside a library or module. */
		SUBTABLE
	}

	private final String name;
	private final String path;
	private final Kind kind;
	private final String doc;
	private final boolean rom;
	private final boolean inDefaultBuild;
	private final boolean alwaysOn;
	private final boolean described;
	private final String buildOption;
	private final Map<String, FirmwareFunction> functions;
	private final Map<String, FirmwareConstant> constants;
	private final Map<String, FirmwareField> fields;
	private final Map<String, FirmwareTable> tables;
	private final Map<String, RemovedApi> removed;
	private final List<String> errors;

	/**
	 * Creates a table description; normally only the data file reader does this.
	 *
	 * @param inDefaultBuild for modules: whether the default build selects it
	 * @param alwaysOn       for modules: whether every build has it ({@code pipe})
	 * @param described      false for a module whose members the data file does not know, so
	 *                       member look-ups cannot be checked
	 * @param errors         error messages the reference gives for the table as a whole
	 */
	public FirmwareTable(String name, String path, Kind kind, String doc, boolean rom, boolean inDefaultBuild, boolean alwaysOn, boolean described,
			String buildOption, Map<String, FirmwareFunction> functions, Map<String, FirmwareConstant> constants, Map<String, FirmwareField> fields,
			Map<String, FirmwareTable> tables, Map<String, RemovedApi> removed, List<String> errors) {
		this.name = Objects.requireNonNull(name);
		this.path = Objects.requireNonNull(path);
		this.kind = Objects.requireNonNull(kind);
		this.doc = Objects.requireNonNull(doc);
		this.rom = rom;
		this.inDefaultBuild = inDefaultBuild;
		this.alwaysOn = alwaysOn;
		this.described = described;
		this.buildOption = buildOption;
		this.functions = frozen(functions);
		this.constants = frozen(constants);
		this.fields = frozen(fields);
		this.tables = frozen(tables);
		this.removed = frozen(removed);
		this.errors = List.copyOf(errors);
	}

	/** An unmodifiable copy that keeps the order of the data file (for completion lists). */
	static <V> Map<String, V> frozen(Map<String, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/** The key of the table in its parent, e.g. {@code sta}. */
	public String name() {
		return name;
	}

	/** The dotted path, e.g. {@code wifi.sta}. */
	public String path() {
		return path;
	}

	/** Library, module or sub-table. */
	public Kind kind() {
		return kind;
	}

	/** A one-line description. */
	public String doc() {
		return doc;
	}

	/** Whether the table is a read-only ROM table on the board. */
	public boolean isRom() {
		return rom;
	}

	/** For modules: whether the default firmware build includes it. False for other tables. */
	public boolean isInDefaultBuild() {
		return inDefaultBuild;
	}

	/** For modules: whether every build has it, whatever the module selection says. */
	public boolean isAlwaysOn() {
		return alwaysOn;
	}

	/**
	 * Whether the data file describes the members. When false (a module the reference only
	 * names, such as {@code dht}) nothing can be said about {@code module.member}.
	 */
	public boolean isDescribed() {
		return described;
	}

	/** The build option the table depends on (e.g. the optional {@code gpio.pulse}), if any. */
	public Optional<String> buildOption() {
		return Optional.ofNullable(buildOption);
	}

	/** The functions by name, in file order. */
	public Map<String, FirmwareFunction> functions() {
		return functions;
	}

	/** The constants by name, in file order. */
	public Map<String, FirmwareConstant> constants() {
		return constants;
	}

	/** Other values (not functions, constants or described sub-tables) by name. */
	public Map<String, FirmwareField> fields() {
		return fields;
	}

	/** The sub-tables by name. */
	public Map<String, FirmwareTable> tables() {
		return tables;
	}

	/** Members that older firmware had and this one lacks, by name. */
	public Map<String, RemovedApi> removed() {
		return removed;
	}

	/** Error messages that the reference lists for the table as a whole. */
	public List<String> errors() {
		return errors;
	}

	/** The function {@code name}, if the table has one. */
	public Optional<FirmwareFunction> function(String name) {
		return Optional.ofNullable(functions.get(name));
	}

	/** The constant {@code name}, if the table has one. */
	public Optional<FirmwareConstant> constant(String name) {
		return Optional.ofNullable(constants.get(name));
	}

	/** The sub-table {@code name}, if the table has one. */
	public Optional<FirmwareTable> table(String name) {
		return Optional.ofNullable(tables.get(name));
	}

	/** Every key that reading the table on the board finds (removed members excluded). */
	public Set<String> memberNames() {
		Set<String> names = new LinkedHashSet<>();
		names.addAll(functions.keySet());
		names.addAll(constants.keySet());
		names.addAll(fields.keySet());
		names.addAll(tables.keySet());
		return Collections.unmodifiableSet(names);
	}

	/** Whether reading {@code table.name} on the board finds a value. */
	public boolean hasMember(String name) {
		return functions.containsKey(name) || constants.containsKey(name) || fields.containsKey(name) || tables.containsKey(name);
	}

	/** A copy holding only the members named in {@code keep}; for the trimmed math of integer builds. */
	FirmwareTable keepOnly(Set<String> keep) {
		Map<String, FirmwareFunction> keptFunctions = new LinkedHashMap<>(functions);
		keptFunctions.keySet().retainAll(keep);
		Map<String, FirmwareConstant> keptConstants = new LinkedHashMap<>(constants);
		keptConstants.keySet().retainAll(keep);
		Map<String, FirmwareField> keptFields = new LinkedHashMap<>(fields);
		keptFields.keySet().retainAll(keep);
		Map<String, FirmwareTable> keptTables = new LinkedHashMap<>(tables);
		keptTables.keySet().retainAll(keep);
		return new FirmwareTable(name, path, kind, doc, rom, inDefaultBuild, alwaysOn, described, buildOption, keptFunctions, keptConstants, keptFields,
				keptTables, removed, errors);
	}

	/**
	 * A copy in which the function at {@code relativePath} (e.g. {@code random}, or
	 * {@code task.post}) has {@code note} appended to its documentation; unchanged when there is
	 * no such function.
	 */
	FirmwareTable withFunctionNote(String relativePath, String note) {
		int dot = relativePath.indexOf('.');
		Map<String, FirmwareFunction> newFunctions = functions;
		Map<String, FirmwareTable> newTables = tables;
		if (dot < 0) {
			FirmwareFunction function = functions.get(relativePath);
			if (function == null) {
				return this;
			}
			newFunctions = new LinkedHashMap<>(functions);
			newFunctions.put(relativePath, function.withNote(note));
		} else {
			FirmwareTable child = tables.get(relativePath.substring(0, dot));
			if (child == null) {
				return this;
			}
			newTables = new LinkedHashMap<>(tables);
			newTables.put(child.name(), child.withFunctionNote(relativePath.substring(dot + 1), note));
		}
		return new FirmwareTable(name, path, kind, doc, rom, inDefaultBuild, alwaysOn, described, buildOption, newFunctions, constants, fields,
				newTables, removed, errors);
	}

	@Override
	public String toString() {
		return path;
	}
}
