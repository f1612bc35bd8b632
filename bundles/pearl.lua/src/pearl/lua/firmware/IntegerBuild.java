package pearl.lua.firmware;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs on a firmware built with integer numbers ({@code LUA_NUMBER_INTEGRAL}).
 *
 * @param doc     a summary
 * @param math    the only members the math library has on such a build
 * @param message how to end "math.x is ..." for a member that only the integer build lacks
 * @param notes   extra remarks for the documentation of functions that behave differently, by
 *                dotted path (e.g. {@code node.random})
 */
public record IntegerBuild(String doc, List<String> math, String message, Map<String, String> notes) {

	/** Checks and copies the arguments. */
	public IntegerBuild {
		Objects.requireNonNull(doc);
		Objects.requireNonNull(message);
		math = List.copyOf(math);
		notes = Map.copyOf(notes);
	}
}
