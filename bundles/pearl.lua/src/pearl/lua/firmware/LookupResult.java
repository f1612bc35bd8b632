package pearl.lua.firmware;

import java.util.Objects;

/**
 * What a dotted path such as {@code tmr.create}, {@code wifi.sta.config}, {@code math.sin} or
 * {@code io} means on a board, as answered by {@link FirmwareModel#lookup(String)}. Each variant
 * carries the path that was asked for in {@link #path()}.
 */
public sealed interface LookupResult {

	/** The dotted path that was looked up, as given. */
	String path();

	/**
	 * Whether reading the path on the board yields a value the firmware provides (a function,
	 * table, constant or field, or a member of a module whose API the data file does not describe).
	 */
	default boolean existsOnBoard() {
		return this instanceof Function || this instanceof Table || this instanceof Constant || this instanceof Field || this instanceof Undescribed;
	}

	/** The path is a firmware function. */
	record Function(String path, FirmwareFunction function) implements LookupResult {
		/** Checks the arguments. */
		public Function {
			Objects.requireNonNull(path);
			Objects.requireNonNull(function);
		}
	}

	/** The path is a library, module or sub-table; {@link FirmwareTable#isRom()} tells if it is read-only. */
	record Table(String path, FirmwareTable table) implements LookupResult {
		/** Checks the arguments. */
		public Table {
			Objects.requireNonNull(path);
			Objects.requireNonNull(table);
		}
	}

	/** The path is a constant such as {@code gpio.OUTPUT}. */
	record Constant(String path, FirmwareConstant constant) implements LookupResult {
		/** Checks the arguments. */
		public Constant {
			Objects.requireNonNull(path);
			Objects.requireNonNull(constant);
		}
	}

	/** The path is another value such as {@code _G}, {@code _VERSION} or {@code package.path}. */
	record Field(String path, FirmwareField field) implements LookupResult {
		/** Checks the arguments. */
		public Field {
			Objects.requireNonNull(path);
			Objects.requireNonNull(field);
		}
	}

	/**
	 * The path, or the prefix {@link RemovedApi#path()} of it, was removed from the firmware;
	 * reading it on the board gives nil.
	 */
	record Removed(String path, RemovedApi api) implements LookupResult {
		/** Checks the arguments. */
		public Removed {
			Objects.requireNonNull(path);
			Objects.requireNonNull(api);
		}
	}

	/**
	 * The path, or the prefix {@link AbsentApi#path()} of it, is something Lua programmers
	 * expect that the board lacks (the {@code io} library, {@code math.sin}, ...).
	 */
	record Absent(String path, AbsentApi api) implements LookupResult {
		/** Checks the arguments. */
		public Absent {
			Objects.requireNonNull(path);
			Objects.requireNonNull(api);
		}
	}

	/** The path lies in firmware module {@code module}, which the board profile does not include. */
	record NotInBuild(String path, String module) implements LookupResult {
		/** Checks the arguments. */
		public NotInBuild {
			Objects.requireNonNull(path);
			Objects.requireNonNull(module);
		}
	}

	/**
	 * {@code member} is not a key of the known table at {@code tablePath} (e.g. {@code tmr} has no
	 * member {@code creat}). On a ROM table that is certainly a mistake; on a RAM table such as
	 * {@code package} the script may have stored it itself ({@link FirmwareTable#isRom()}).
	 */
	record UnknownMember(String path, String tablePath, String member, FirmwareTable table) implements LookupResult {
		/** Checks the arguments. */
		public UnknownMember {
			Objects.requireNonNull(path);
			Objects.requireNonNull(tablePath);
			Objects.requireNonNull(member);
			Objects.requireNonNull(table);
		}
	}

	/**
	 * The path lies in {@code module}, which is in the build but whose API the data file does not
	 * describe (such as {@code dht}, or a module named only in the board profile): nothing can be
	 * checked.
	 */
	record Undescribed(String path, String module) implements LookupResult {
		/** Checks the arguments. */
		public Undescribed {
			Objects.requireNonNull(path);
			Objects.requireNonNull(module);
		}
	}

	/**
	 * Nothing is known: the first name is no firmware global (so probably the script's own), or
	 * the path indexes into a function, constant or field whose contents are not described.
	 */
	record Unknown(String path) implements LookupResult {
		/** Checks the arguments. */
		public Unknown {
			Objects.requireNonNull(path);
		}
	}
}
