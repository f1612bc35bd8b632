package pearl.lua.lint.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.lua.lint.LintConfig;

/**
 * A project's {@code .luacheckrc}, as Pearl applies it. The file is Lua: it runs in a sandbox
 * ({@link LuaSandbox}: no files, processes or modules, bounded work) and the globals it sets are
 * its options, as in luacheck; a table it returns may give options too, and wins over a global of
 * the same name. Pearl reads:
 * <ul>
 * <li>{@code std}: a string such as {@code "lua51+busted"} ({@code +} joins sets, a leading
 * {@code +} adds to the current ones) or a table {@code {globals = ..., read_globals = ...}}.
 * Pearl's standard globals come from its firmware model, so the names are only recorded
 * ({@link #stdFor}); the globals of a {@code std} table, and of sets the file defines in
 * {@code stds}, are declared as extra globals.</li>
 * <li>{@code globals}, {@code read_globals} add globals; {@code new_globals},
 * {@code new_read_globals} replace those declared so far (the base configuration's included),
 * then the plain ones of the same table add to them. Entries are names, or luacheck field
 * definitions ({@code foo = {fields = {...}}}) of which Pearl takes the key; in a dotted name
 * ({@code "foo.bar"}) the global is the part before the dot.</li>
 * <li>{@code ignore}, {@code enable}, {@code only}: warning patterns ({@link WarningPattern});
 * and the booleans {@code global}, {@code unused} and {@code redefined}: {@code false} ignores
 * luacheck codes 1, 2 and 4 ({@code true} enables them again).</li>
 * <li>{@code files[glob] = {...}}: the same options for the files a {@link PathGlob glob}
 * relative to the configuration's folder matches; {@code exclude_files}: globs of files not to
 * lint.</li>
 * </ul>
 * For one file, the top level applies first, then each {@code files} entry that matches it, from
 * the most general glob to the most specific (fewer fixed segments, then fewer literal
 * characters, come first), so more specific entries win. Other luacheck options (line lengths,
 * {@code allow_defined}, {@code not_globals}, ...) are accepted and not used. Immutable.
 */
public final class LuacheckConfig {

	/** Options of one table: the top level of the file, or one {@code files} entry. */
	private record Options(Std std, Set<String> globals, Set<String> readGlobals, Set<String> newGlobals, Set<String> newReadGlobals,
			WarningFilter filter) {
	}

	/**
	 * A {@code std} setting: set names, and the globals of a {@code std} table.
	 *
	 * @param add whether it adds to the current sets (a leading {@code +}) instead of replacing them
	 */
	private record Std(boolean add, List<String> names, Set<String> globals, Set<String> readGlobals) {
	}

	/** A set of standard globals the configuration defines in {@code stds}. */
	private record StdDefinition(Set<String> globals, Set<String> readGlobals) {
	}

	private record FilesEntry(PathGlob glob, Options options) {
	}

	private final String fileName;
	private final Options top;
	private final List<FilesEntry> files;
	private final List<PathGlob> excludeFiles;
	private final Map<String, StdDefinition> stds;

	private LuacheckConfig(String fileName, Options top, List<FilesEntry> files, List<PathGlob> excludeFiles,
			Map<String, StdDefinition> stds) {
		this.fileName = fileName;
		this.top = top;
		this.files = files;
		this.excludeFiles = excludeFiles;
		this.stds = stds;
	}

	/**
	 * Reads and evaluates a {@code .luacheckrc}; errors name the file as {@code file} shows it.
	 *
	 * @throws IOException             when the file cannot be read
	 * @throws LuacheckConfigException when it is not a configuration Pearl can use
	 */
	public static LuacheckConfig load(Path file) throws IOException {
		// Lua reads bytes: a stray non-UTF-8 byte must not stop the file from being read
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		return parse(file.toString(), text);
	}

	/**
	 * Evaluates the text of a {@code .luacheckrc}.
	 *
	 * @param fileName how errors name the file
	 * @throws LuacheckConfigException when it is not a configuration Pearl can use
	 */
	public static LuacheckConfig parse(String fileName, String luaText) {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(luaText, "luaText");
		LuaSandbox.Result result = LuaSandbox.run(fileName, luaText);
		Reader reader = new Reader(fileName, result.environment(), result.returned());
		return reader.read();
	}

	/** The name the configuration was read under. */
	public String fileName() {
		return fileName;
	}

	/**
	 * Whether {@code exclude_files} leaves out {@code relativePath} (relative to the
	 * configuration's folder, {@code /} or {@code \} separated).
	 */
	public boolean excludes(String relativePath) {
		for (PathGlob glob : excludeFiles) {
			if (glob.matches(relativePath)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A new configuration for one file: {@code base} (unchanged) plus the options of the top level
	 * and of the {@code files} entries that match {@code relativePath}, applied in luacheck's
	 * order. Its warning filter holds {@code base}'s steps first, then the file's.
	 */
	public LintConfig configFor(String relativePath, LintConfig base) {
		LintConfig config = base.copy();
		StdState std = new StdState();
		for (Options options : applicable(relativePath)) {
			if (options.newGlobals() != null) {
				config.replaceGlobals(options.newGlobals());
			}
			if (options.newReadGlobals() != null) {
				config.replaceReadGlobals(options.newReadGlobals());
			}
			config.globals(options.globals());
			config.readGlobals(options.readGlobals());
			std.apply(options.std());
			config.filter(options.filter());
		}
		// standard globals last, so that new_globals never wipes them: they are a separate set in luacheck
		config.globals(std.globals);
		config.readGlobals(std.readGlobals);
		for (String name : std.names) {
			StdDefinition defined = stds.get(name);
			if (defined != null) {
				config.globals(defined.globals());
				config.readGlobals(defined.readGlobals());
			}
		}
		return config;
	}

	/**
	 * The names of the standard global sets asked for at the top level ({@code std = "lua51+busted"}
	 * gives {@code [lua51, busted]}); empty when {@code std} is not set or is a table.
	 */
	public List<String> std() {
		StdState std = new StdState();
		std.apply(top.std());
		return List.copyOf(std.names);
	}

	/** The names of the standard global sets that apply to {@code relativePath}, {@code files} entries included. */
	public List<String> stdFor(String relativePath) {
		StdState std = new StdState();
		for (Options options : applicable(relativePath)) {
			std.apply(options.std());
		}
		return List.copyOf(std.names);
	}

	/** The sets of globals the configuration defines in {@code stds}, by name. */
	public Set<String> definedStds() {
		return Collections.unmodifiableSet(stds.keySet());
	}

	private List<Options> applicable(String relativePath) {
		List<Options> result = new ArrayList<>();
		result.add(top);
		for (FilesEntry entry : files) {
			if (entry.glob().matches(relativePath)) {
				result.add(entry.options());
			}
		}
		return result;
	}

	/** Where {@code std} settings lead, applied in order. */
	private static final class StdState {
		final Set<String> names = new LinkedHashSet<>();
		final Set<String> globals = new LinkedHashSet<>();
		final Set<String> readGlobals = new LinkedHashSet<>();

		void apply(Std std) {
			if (std == null) {
				return;
			}
			if (!std.add()) {
				names.clear();
				globals.clear();
				readGlobals.clear();
			}
			names.addAll(std.names());
			globals.addAll(std.globals());
			readGlobals.addAll(std.readGlobals());
		}
	}

	/** Reads the options out of what the script left, checking their types. */
	private static final class Reader {
		private final String fileName;
		private final LuaTable environment;
		private final LuaValue returned;

		Reader(String fileName, LuaTable environment, LuaValue returned) {
			this.fileName = fileName;
			this.environment = environment;
			this.returned = returned;
		}

		LuacheckConfig read() {
			Options top = options(this::option, "option '", "'");
			List<FilesEntry> files = new ArrayList<>();
			LuaValue filesTable = option("files");
			if (!filesTable.isnil()) {
				LuaTable table = table(filesTable, "option 'files'", "a table of globs to options");
				for (Map.Entry<LuaValue, LuaValue> entry : entries(table)) {
					if (!entry.getKey().isstring()) {
						throw error("option 'files' has a key of type " + entry.getKey().typename() + "; keys are path globs");
					}
					String glob = entry.getKey().tojstring();
					String where = "files[\"" + glob + "\"]";
					LuaTable entryTable = table(entry.getValue(), where, "a table of options");
					files.add(new FilesEntry(new PathGlob(glob), options(name -> entryTable.rawget(name), where + ".", "")));
				}
			}
			files.sort((a, b) -> PathGlob.BY_SPECIFICITY.compare(a.glob(), b.glob()));
			List<PathGlob> exclude = strings(option("exclude_files"), "option 'exclude_files'").stream().map(PathGlob::new).toList();
			return new LuacheckConfig(fileName, top, List.copyOf(files), exclude, stds());
		}

		/** A top-level option: from the returned table when it has it, else the global. */
		private LuaValue option(String name) {
			if (returned.istable()) {
				LuaValue value = returned.rawget(name);
				if (!value.isnil()) {
					return value;
				}
			}
			return environment.rawget(name);
		}

		private Options options(java.util.function.Function<String, LuaValue> source, String prefix, String suffix) {
			Std std = std(source.apply("std"), prefix + "std" + suffix);
			Set<String> globals = names(source.apply("globals"), prefix + "globals" + suffix);
			Set<String> readGlobals = names(source.apply("read_globals"), prefix + "read_globals" + suffix);
			LuaValue newGlobals = source.apply("new_globals");
			LuaValue newReadGlobals = source.apply("new_read_globals");
			WarningFilter filter = WarningFilter.NONE;
			for (String flag : List.of("global", "unused", "redefined")) {
				LuaValue value = source.apply(flag);
				if (!value.isnil()) {
					if (!value.isboolean()) {
						throw error(prefix + flag + suffix + " must be a boolean, got " + value.typename());
					}
					String code = switch (flag) {
					case "global" -> "1";
					case "unused" -> "2";
					default -> "4";
					};
					filter = filter.then(value.toboolean() ? WarningFilter.Action.ENABLE : WarningFilter.Action.IGNORE,
							List.of(WarningPattern.parse(code)));
				}
			}
			filter = filter.then(WarningFilter.Action.ONLY, patterns(source.apply("only"), prefix + "only" + suffix));
			filter = filter.then(WarningFilter.Action.IGNORE, patterns(source.apply("ignore"), prefix + "ignore" + suffix));
			filter = filter.then(WarningFilter.Action.ENABLE, patterns(source.apply("enable"), prefix + "enable" + suffix));
			return new Options(std, globals, readGlobals, newGlobals.isnil() ? null : names(newGlobals, prefix + "new_globals" + suffix),
					newReadGlobals.isnil() ? null : names(newReadGlobals, prefix + "new_read_globals" + suffix), filter);
		}

		private Std std(LuaValue value, String what) {
			if (value.isnil()) {
				return null;
			}
			if (value.type() == LuaValue.TSTRING) {
				String text = value.tojstring().strip();
				boolean add = text.startsWith("+");
				List<String> names = new ArrayList<>();
				for (String name : text.split("\\+")) {
					if (!name.isBlank()) {
						names.add(name.strip());
					}
				}
				return new Std(add, names, Set.of(), Set.of());
			}
			if (value.istable()) {
				StdDefinition definition = stdDefinition(value, what);
				return new Std(false, List.of(), definition.globals(), definition.readGlobals());
			}
			throw error(what + " must be a string or a table, got " + value.typename());
		}

		private StdDefinition stdDefinition(LuaValue value, String what) {
			LuaTable table = table(value, what, "a table with globals and read_globals");
			return new StdDefinition(names(table.rawget("globals"), what + ".globals"), names(table.rawget("read_globals"), what + ".read_globals"));
		}

		private Map<String, StdDefinition> stds() {
			LuaValue value = option("stds");
			Map<String, StdDefinition> result = new LinkedHashMap<>();
			if (value.isnil()) {
				return result;
			}
			for (Map.Entry<LuaValue, LuaValue> entry : entries(table(value, "option 'stds'", "a table of named sets of globals"))) {
				if (entry.getKey().isstring()) {
					String name = entry.getKey().tojstring();
					result.put(name, stdDefinition(entry.getValue(), "stds." + name));
				}
			}
			return Collections.unmodifiableMap(result);
		}

		/** Names in luacheck's "array of strings or field definition map" form. */
		private Set<String> names(LuaValue value, String what) {
			Set<String> names = new LinkedHashSet<>();
			if (value.isnil()) {
				return names;
			}
			LuaTable table = table(value, what, "a table of names");
			for (Map.Entry<LuaValue, LuaValue> entry : entries(table)) {
				LuaValue key = entry.getKey();
				LuaValue item = entry.getValue();
				if (key.type() == LuaValue.TNUMBER) {
					if (item.type() != LuaValue.TSTRING) {
						throw error(what + " must hold names (strings), found a " + item.typename());
					}
					names.add(globalOf(item.tojstring()));
				} else if (key.type() == LuaValue.TSTRING) {
					if (!item.istable()) {
						throw error(what + ": entry '" + key.tojstring() + "' must be a field definition table such as {fields = {...}}, got "
								+ item.typename());
					}
					names.add(globalOf(key.tojstring()));
				} else {
					throw error(what + " has a key of type " + key.typename());
				}
			}
			return names;
		}

		/** {@code foo.bar} declares a field of {@code foo}: for Pearl, the global {@code foo}. */
		private static String globalOf(String name) {
			int dot = name.indexOf('.');
			return dot > 0 ? name.substring(0, dot) : name;
		}

		private List<WarningPattern> patterns(LuaValue value, String what) {
			List<WarningPattern> patterns = new ArrayList<>();
			for (String text : strings(value, what)) {
				try {
					patterns.add(WarningPattern.parse(text));
				} catch (IllegalArgumentException e) {
					throw error(what + ": bad pattern '" + text + "': " + e.getMessage());
				}
			}
			return patterns;
		}

		/** An array of strings, in order. */
		private List<String> strings(LuaValue value, String what) {
			List<String> strings = new ArrayList<>();
			if (value.isnil()) {
				return strings;
			}
			LuaTable table = table(value, what, "an array of strings");
			for (Map.Entry<LuaValue, LuaValue> entry : entries(table)) {
				if (entry.getValue().type() != LuaValue.TSTRING) {
					throw error(what + " must hold strings, found a " + entry.getValue().typename());
				}
				strings.add(entry.getValue().tojstring());
			}
			return strings;
		}

		private LuaTable table(LuaValue value, String what, String expected) {
			if (!value.istable()) {
				throw error(what + " must be " + expected + ", got " + value.typename());
			}
			return (LuaTable) value;
		}

		/** A table's entries: its array part in order, then the other keys. */
		private static List<Map.Entry<LuaValue, LuaValue>> entries(LuaTable table) {
			List<Map.Entry<LuaValue, LuaValue>> entries = new ArrayList<>();
			int length = table.rawlen();
			for (int i = 1; i <= length; i++) {
				LuaValue value = table.rawget(i);
				if (!value.isnil()) {
					entries.add(Map.entry(LuaValue.valueOf(i), value));
				}
			}
			for (Varargs next = table.next(LuaValue.NIL); !next.arg1().isnil(); next = table.next(next.arg1())) {
				LuaValue key = next.arg1();
				if (key.isinttype() && key.toint() >= 1 && key.toint() <= length) {
					continue;
				}
				entries.add(Map.entry(key, next.arg(2)));
			}
			return entries;
		}

		private LuacheckConfigException error(String problem) {
			return new LuacheckConfigException(fileName, -1, problem);
		}
	}
}
