package pearl.lua.firmware;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON of {@code nodemcu-firmware.json} into {@link FirmwareData}. It checks the shape
 * strictly (required keys, no unknown keys, type words from {@link FirmwareTypes}, object types
 * that exist) so that a slip in the hand-written file fails at load time with the file name and
 * JSON path, not later as a wrong lint or a NullPointerException.
 */
final class FirmwareDataReader {

	private static final Pattern DOTTED_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");

	private static final String[] FUNCTION_KEYS = { "params", "vararg", "returns", "doc", "errors", "deprecated", "buildOption" };
	private static final String[] TABLE_CONTENT_KEYS = { "doc", "functions", "constants", "fields", "tables", "removed", "errors", "buildOption" };

	private final Set<String> objectNames;

	private FirmwareDataReader(Set<String> objectNames) {
		this.objectNames = objectNames;
	}

	static FirmwareData read(Reader reader, String source) {
		JsonCursor root = JsonCursor.root(StrictJson.parse(reader, source), source);
		root.allowOnly("firmware", "globals", "libraries", "modules", "objects", "absent", "integerBuild");
		// object type names first: function signatures anywhere may refer to them
		FirmwareDataReader self = new FirmwareDataReader(Set.copyOf(root.required("objects").members().keySet()));

		JsonCursor globals = root.required("globals").allowOnly("functions", "values", "hooks");
		Map<String, FirmwareFunction> globalFunctions = new LinkedHashMap<>();
		globals.required("functions").members().forEach((name, json) -> globalFunctions.put(name, self.function(json, name, name)));
		Map<String, FirmwareField> globalValues = self.fields(globals.required("values"), "");
		Map<String, FirmwareField> hooks = globals.optional("hooks").map(json -> self.fields(json, "")).orElse(Map.of());

		Map<String, FirmwareTable> libraries = new LinkedHashMap<>();
		root.required("libraries").members().forEach((name, json) -> libraries.put(name, self.library(json, name)));
		Map<String, FirmwareTable> modules = new LinkedHashMap<>();
		root.required("modules").members().forEach((name, json) -> modules.put(name, self.module(json, name)));
		Map<String, ObjectType> objects = new LinkedHashMap<>();
		root.required("objects").members().forEach((name, json) -> objects.put(name, self.objectType(json, name)));

		Map<String, AbsentApi> absent = new LinkedHashMap<>();
		root.required("absent").members().forEach((path, json) -> {
			if (!DOTTED_PATH.matcher(path).matches()) {
				throw json.fail("not a dotted path: \"" + path + "\"");
			}
			absent.put(path, new AbsentApi(path, json.allowOnly("message").required("message").asText()));
		});

		return new FirmwareData(root.required("firmware").asText(), FirmwareTable.frozen(globalFunctions), globalValues, hooks,
				FirmwareTable.frozen(libraries), FirmwareTable.frozen(modules), FirmwareTable.frozen(objects), FirmwareTable.frozen(absent),
				integerBuild(root.required("integerBuild")));
	}

	private static IntegerBuild integerBuild(JsonCursor json) {
		json.allowOnly("doc", "math", "message", "notes");
		Map<String, String> notes = new LinkedHashMap<>();
		json.optional("notes").ifPresent(n -> n.members().forEach((path, text) -> {
			if (!DOTTED_PATH.matcher(path).matches()) {
				throw text.fail("not a dotted path: \"" + path + "\"");
			}
			notes.put(path, text.asText());
		}));
		return new IntegerBuild(json.required("doc").asText(), json.required("math").asStringList(), json.required("message").asText(), notes);
	}

	private FirmwareTable library(JsonCursor json, String name) {
		json.allowOnly(concat(TABLE_CONTENT_KEYS, "rom"));
		boolean rom = json.required("rom").asBoolean();
		return table(json, name, name, FirmwareTable.Kind.LIBRARY, rom, false, false, true);
	}

	private FirmwareTable module(JsonCursor json, String name) {
		json.allowOnly(concat(TABLE_CONTENT_KEYS, "default", "alwaysOn", "described"));
		boolean inDefault = json.required("default").asBoolean();
		boolean alwaysOn = json.flagOmittedWhenFalse("alwaysOn");
		boolean described = json.flag("described", true);
		if (!described) {
			for (String key : List.of("functions", "constants", "fields", "tables", "removed")) {
				if (json.optional(key).isPresent()) {
					throw json.fail("a module marked \"described\": false cannot list \"" + key + "\"");
				}
			}
		}
		// every firmware module is a ROM table (ROTable) on the board
		return table(json, name, name, FirmwareTable.Kind.MODULE, true, inDefault, alwaysOn, described);
	}

	private FirmwareTable subTable(JsonCursor json, String name, String path, boolean rom) {
		json.allowOnly(TABLE_CONTENT_KEYS);
		return table(json, name, path, FirmwareTable.Kind.SUBTABLE, rom, false, false, true);
	}

	private FirmwareTable table(JsonCursor json, String name, String path, FirmwareTable.Kind kind, boolean rom, boolean inDefault, boolean alwaysOn,
			boolean described) {
		Map<String, FirmwareFunction> functions = new LinkedHashMap<>();
		json.optional("functions").ifPresent(f -> f.members().forEach((key, fn) -> functions.put(key, function(fn, key, path + "." + key))));
		Map<String, FirmwareConstant> constants = new LinkedHashMap<>();
		json.optional("constants").ifPresent(c -> c.members().forEach((key, value) -> constants.put(key, constant(value, key, path + "." + key))));
		Map<String, FirmwareField> fields = json.optional("fields").map(f -> fields(f, path + ".")).orElse(Map.of());
		Map<String, FirmwareTable> tables = new LinkedHashMap<>();
		json.optional("tables").ifPresent(t -> t.members().forEach((key, sub) -> tables.put(key, subTable(sub, key, path + "." + key, rom))));
		Map<String, RemovedApi> removed = new LinkedHashMap<>();
		json.optional("removed").ifPresent(r -> r.members().forEach((key, entry) -> {
			entry.allowOnly("replacement", "note");
			removed.put(key, new RemovedApi(path + "." + key, entry.required("replacement").asText(), entry.required("note").asText()));
		}));
		List<String> errors = json.optional("errors").map(JsonCursor::asStringList).orElse(List.of());

		// a key may be one kind of member only, or look-ups would depend on the order of checks
		Set<String> seen = new java.util.HashSet<>();
		for (Set<String> names : List.of(functions.keySet(), constants.keySet(), fields.keySet(), tables.keySet(), removed.keySet())) {
			for (String member : names) {
				if (!seen.add(member)) {
					throw json.fail("member \"" + member + "\" is listed twice (as different kinds of member)");
				}
			}
		}
		return new FirmwareTable(name, path, kind, json.required("doc").asText(), rom, inDefault, alwaysOn, described, json.optionalText("buildOption"),
				functions, constants, fields, tables, removed, errors);
	}

	private FirmwareConstant constant(JsonCursor json, String name, String path) {
		if (json.isObject()) {
			json.allowOnly("type", "value", "doc");
			String type = type(json.required("type"));
			Object value = json.optional("value").map(v -> v.isNull() ? null : scalar(v)).orElse(null);
			return new FirmwareConstant(name, path, value, type, json.optional("doc").map(JsonCursor::asText).orElse(""));
		}
		if (json.isNull()) {
			return new FirmwareConstant(name, path, null, "any", "");
		}
		Object value = scalar(json);
		String type = value instanceof String ? "string" : value instanceof Long ? "integer" : "number";
		return new FirmwareConstant(name, path, value, type, "");
	}

	private static Object scalar(JsonCursor json) {
		if (json.isString()) {
			return json.asString();
		}
		if (json.isNumber()) {
			return json.asNumber();
		}
		throw json.fail("expected a number, a string or null");
	}

	private Map<String, FirmwareField> fields(JsonCursor json, String prefix) {
		Map<String, FirmwareField> fields = new LinkedHashMap<>();
		json.members().forEach((name, field) -> {
			field.allowOnly("type", "rom", "value", "doc");
			String type = type(field.required("type"));
			boolean rom = field.flagOmittedWhenFalse("rom");
			Object value = field.optional("value").map(FirmwareDataReader::scalar).orElse(null);
			fields.put(name, new FirmwareField(name, prefix + name, type, rom, value, field.required("doc").asText()));
		});
		return FirmwareTable.frozen(fields);
	}

	private ObjectType objectType(JsonCursor json, String name) {
		json.allowOnly("doc", "methods", "events");
		Map<String, FirmwareFunction> methods = new LinkedHashMap<>();
		json.required("methods").members().forEach((key, fn) -> methods.put(key, function(fn, key, name + ":" + key)));
		Map<String, ObjectEvent> events = new LinkedHashMap<>();
		json.optional("events").ifPresent(e -> e.members().forEach((key, event) -> {
			event.allowOnly("params", "doc");
			events.put(key, new ObjectEvent(key, event.required("params").asStringList(), event.required("doc").asText()));
		}));
		return new ObjectType(name, json.required("doc").asText(), methods, events);
	}

	private FirmwareFunction function(JsonCursor json, String name, String qualifiedName) {
		json.allowOnly(FUNCTION_KEYS);
		List<Parameter> params = new ArrayList<>();
		for (JsonCursor param : json.required("params").elements()) {
			param.allowOnly("name", "type", "optional", "callback");
			List<String> callback = List.of();
			if (param.optional("callback").isPresent()) {
				callback = param.required("callback").asStringList();
				if (callback.isEmpty()) {
					throw param.required("callback").fail("omit \"callback\" instead of giving an empty list");
				}
			}
			params.add(new Parameter(param.required("name").asText(), type(param.required("type")), param.flagOmittedWhenFalse("optional"), callback));
		}
		List<String> returns = new ArrayList<>();
		List<JsonCursor> returnEntries = json.required("returns").elements();
		for (int i = 0; i < returnEntries.size(); i++) {
			JsonCursor entry = returnEntries.get(i);
			String text = entry.asText();
			String base = text.endsWith(FirmwareTypes.MANY) ? text.substring(0, text.length() - FirmwareTypes.MANY.length()) : text;
			if (!base.equals(text) && i != returnEntries.size() - 1) {
				throw entry.fail("only the last result may end in \"...\"");
			}
			checkType(entry, base);
			returns.add(text);
		}
		List<String> errors = json.optional("errors").map(JsonCursor::asStringList).orElse(List.of());
		return new FirmwareFunction(name, qualifiedName, params, json.flagOmittedWhenFalse("vararg"), returns, json.required("doc").asText(), errors,
				json.optionalText("deprecated"), json.optionalText("buildOption"));
	}

	private String type(JsonCursor json) {
		String type = json.asText();
		checkType(json, type);
		return type;
	}

	private void checkType(JsonCursor json, String type) {
		if (!FirmwareTypes.isValid(type, objectNames::contains)) {
			throw json.fail("unknown type \"" + type + "\" (use " + String.join(", ", new java.util.TreeSet<>(FirmwareTypes.BASIC))
					+ ", an object type listed under \"objects\", or alternatives joined by |)");
		}
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}
}
