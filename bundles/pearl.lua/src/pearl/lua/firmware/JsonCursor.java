package pearl.lua.firmware;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * A position in a parsed JSON tree that knows its JSON path and file name, so every accessor can
 * fail with a {@link FirmwareDataException} that says exactly where the file is wrong, instead of
 * the NullPointerException or ClassCastException that raw Gson trees produce on a wrong shape.
 */
final class JsonCursor {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final JsonElement element;
	private final String path;
	private final String source;

	JsonCursor(JsonElement element, String path, String source) {
		this.element = element;
		this.path = path;
		this.source = source;
	}

	static JsonCursor root(JsonElement element, String source) {
		return new JsonCursor(element, "$", source);
	}

	/** {@code $.a.b} for identifier keys, {@code $.a['tmr.timer']} for the others. */
	static String childPath(String parent, String key) {
		return IDENTIFIER.matcher(key).matches() ? parent + "." + key : parent + "['" + key + "']";
	}

	String path() {
		return path;
	}

	String source() {
		return source;
	}

	FirmwareDataException fail(String problem) {
		return new FirmwareDataException(source, path, problem);
	}

	boolean isNull() {
		return element.isJsonNull();
	}

	boolean isObject() {
		return element.isJsonObject();
	}

	boolean isString() {
		return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
	}

	boolean isNumber() {
		return element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber();
	}

	private String kind() {
		if (element.isJsonNull()) {
			return "null";
		}
		if (element.isJsonObject()) {
			return "an object";
		}
		if (element.isJsonArray()) {
			return "an array";
		}
		JsonPrimitive primitive = element.getAsJsonPrimitive();
		if (primitive.isString()) {
			return "a string";
		}
		return primitive.isNumber() ? "a number" : "a boolean";
	}

	private void expect(boolean ok, String what) {
		if (!ok) {
			throw fail("expected " + what + ", found " + kind());
		}
	}

	/** The members of this object in file order. */
	Map<String, JsonCursor> members() {
		expect(element.isJsonObject(), "an object");
		Map<String, JsonCursor> members = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
			members.put(entry.getKey(), new JsonCursor(entry.getValue(), childPath(path, entry.getKey()), source));
		}
		return members;
	}

	/** Rejects keys other than {@code allowed}: a misspelt optional key would otherwise be ignored. */
	JsonCursor allowOnly(String... allowed) {
		Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
		for (String key : members().keySet()) {
			if (!known.contains(key)) {
				throw new FirmwareDataException(source, childPath(path, key), "unknown key \"" + key + "\" (allowed here: " + String.join(", ", known) + ")");
			}
		}
		return this;
	}

	Optional<JsonCursor> optional(String key) {
		expect(element.isJsonObject(), "an object");
		JsonElement child = element.getAsJsonObject().get(key);
		return child == null ? Optional.empty() : Optional.of(new JsonCursor(child, childPath(path, key), source));
	}

	JsonCursor required(String key) {
		return optional(key).orElseThrow(() -> fail("missing key \"" + key + "\""));
	}

	List<JsonCursor> elements() {
		expect(element.isJsonArray(), "an array");
		List<JsonCursor> result = new ArrayList<>();
		int index = 0;
		for (JsonElement child : element.getAsJsonArray()) {
			result.add(new JsonCursor(child, path + "[" + index++ + "]", source));
		}
		return result;
	}

	String asString() {
		expect(isString(), "a string");
		return element.getAsString();
	}

	/** A string with at least one non-blank character. */
	String asText() {
		String text = asString();
		if (text.isBlank()) {
			throw fail("must not be empty");
		}
		return text;
	}

	boolean asBoolean() {
		expect(element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean(), "true or false");
		return element.getAsBoolean();
	}

	/** A number as {@link Long} when integral, else as {@link Double}. */
	Number asNumber() {
		expect(isNumber(), "a number");
		BigDecimal value = element.getAsBigDecimal();
		try {
			return value.longValueExact();
		} catch (ArithmeticException notIntegral) {
			return value.doubleValue();
		}
	}

	List<String> asStringList() {
		List<String> result = new ArrayList<>();
		for (JsonCursor item : elements()) {
			result.add(item.asText());
		}
		return List.copyOf(result);
	}

	String optionalText(String key) {
		return optional(key).map(JsonCursor::asText).orElse(null);
	}

	/**
	 * A flag that must be omitted when false: the data file writes {@code "optional": true} and
	 * never {@code "optional": false}, which keeps the hand-written entries uniform.
	 */
	boolean flagOmittedWhenFalse(String key) {
		Optional<JsonCursor> flag = optional(key);
		if (flag.isEmpty()) {
			return false;
		}
		if (!flag.get().asBoolean()) {
			throw flag.get().fail("omit \"" + key + "\" instead of writing false");
		}
		return true;
	}

	boolean flag(String key, boolean defaultValue) {
		return optional(key).map(JsonCursor::asBoolean).orElse(defaultValue);
	}
}
