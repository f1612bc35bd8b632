package pearl.lua.firmware;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The type words of the firmware data file. A type is a Lua-ish word ({@code integer},
 * {@code number}, {@code string}, {@code boolean}, {@code function}, {@code table}, {@code any},
 * {@code nil}, {@code thread}, {@code userdata}) or the registered name of an object type such as
 * {@code tmr.timer}; alternatives are joined with {@code |} ({@code integer|string}). In a list
 * of results the last entry may end in {@code ...}, meaning "any number of these".
 */
public final class FirmwareTypes {

	/** The basic type words. */
	public static final Set<String> BASIC = Set.of("integer", "number", "string", "boolean", "function", "table", "any", "nil", "thread", "userdata");

	/** Suffix of a result type that stands for any number of values. */
	public static final String MANY = "...";

	private FirmwareTypes() {
	}

	/**
	 * Whether {@code type} is a basic word, an object type name accepted by {@code isObjectType},
	 * or a {@code |} union of those. {@code ...} is not accepted here.
	 */
	public static boolean isValid(String type, Predicate<String> isObjectType) {
		if (type == null || type.isEmpty()) {
			return false;
		}
		for (String alternative : type.split("\\|", -1)) {
			if (!BASIC.contains(alternative) && !isObjectType.test(alternative)) {
				return false;
			}
		}
		return true;
	}

	/** Whether values of {@code type} can be functions, so that a callback description fits it. */
	public static boolean admitsFunction(String type) {
		for (String alternative : type.split("\\|", -1)) {
			if (alternative.equals("function") || alternative.equals("any")) {
				return true;
			}
		}
		return false;
	}
}
