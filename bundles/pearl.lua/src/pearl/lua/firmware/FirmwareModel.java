package pearl.lua.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NodeMCU firmware as a Lua script sees it: base functions, standard libraries (with what the
 * board trimmed), firmware modules, object types, removed and absent APIs. One data file,
 * {@code data/nodemcu-firmware.json} in this bundle, feeds the linter, completion, hover and the
 * emulator, so they agree.
 *
 * <p>A model is a view for one {@link BoardProfile}: {@link #load()} gives the widest view (every
 * described module, float numbers) and {@link #forProfile(BoardProfile)} narrows it to a board's
 * build. Models are immutable and safe to share between threads.
 */
public final class FirmwareModel {

	/** Where the data file lies in the bundle jar (and in any flat jar built from it). */
	public static final String RESOURCE = "/data/nodemcu-firmware.json";

	private static final String FILE_NAME = "nodemcu-firmware.json";

	private static FirmwareModel loaded; // guarded by FirmwareModel.class

	private final FirmwareData data;
	private final BoardProfile profile;
	private final Map<String, FirmwareTable> libraries;
	private final Map<String, FirmwareTable> modules;
	private final Map<String, AbsentApi> buildAbsent;

	private FirmwareModel(FirmwareData data, BoardProfile profile) {
		this.data = data;
		this.profile = profile;
		Map<String, FirmwareTable> libs = new LinkedHashMap<>(data.libraries());
		Map<String, FirmwareTable> mods = new LinkedHashMap<>(data.modules());
		Map<String, AbsentApi> absent = new LinkedHashMap<>();
		if (profile.numberType() == BoardProfile.NumberType.INTEGER) {
			// an integer build trims math further (no pi) and changes a few functions' behaviour
			IntegerBuild integer = data.integerBuild();
			FirmwareTable math = libs.get("math");
			if (math != null) {
				Set<String> keep = Set.copyOf(integer.math());
				for (String member : math.memberNames()) {
					if (!keep.contains(member)) {
						absent.put("math." + member, new AbsentApi("math." + member, "math." + member + " is " + integer.message() + "."));
					}
				}
				libs.put("math", math.keepOnly(keep));
			}
			integer.notes().forEach((path, note) -> {
				int dot = path.indexOf('.');
				if (dot > 0) {
					String root = path.substring(0, dot);
					String rest = path.substring(dot + 1);
					libs.computeIfPresent(root, (name, table) -> table.withFunctionNote(rest, note));
					mods.computeIfPresent(root, (name, table) -> table.withFunctionNote(rest, note));
				}
			});
		}
		this.libraries = FirmwareTable.frozen(libs);
		this.modules = FirmwareTable.frozen(mods);
		this.buildAbsent = FirmwareTable.frozen(absent);
	}

	/**
	 * The model of the data file shipped in this bundle, read once and cached, for every described
	 * module with float numbers. Works inside OSGi and on a plain class path.
	 *
	 * @throws FirmwareDataException if the shipped file is malformed (names the file and JSON path)
	 * @throws IllegalStateException if the file is missing from the jar
	 */
	public static synchronized FirmwareModel load() {
		// not a holder class: a failed load must be reported again on the next call, not turned
		// into NoClassDefFoundError
		if (loaded == null) {
			try (InputStream in = FirmwareModel.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("the firmware data file " + RESOURCE + " is missing from the class path (it belongs in the pearl.lua jar)");
				}
				loaded = parse(new InputStreamReader(in, StandardCharsets.UTF_8), FILE_NAME);
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read " + RESOURCE, e);
			}
		}
		return loaded;
	}

	/**
	 * Reads a firmware data file, e.g. an edited copy; {@link #load()} is the usual entry point.
	 *
	 * @param sourceName the file name to put in error messages
	 * @throws FirmwareDataException if the data is malformed
	 */
	public static FirmwareModel parse(Reader reader, String sourceName) {
		FirmwareData data = FirmwareDataReader.read(reader, sourceName);
		return new FirmwareModel(data, BoardProfile.of(data.modules().keySet(), BoardProfile.NumberType.FLOAT));
	}

	/** Same as {@link #parse(Reader, String)} for JSON text. */
	public static FirmwareModel parse(String json, String sourceName) {
		return parse(new StringReader(json), sourceName);
	}

	/** The same data narrowed to the build of {@code board}. */
	public FirmwareModel forProfile(BoardProfile board) {
		Objects.requireNonNull(board);
		return board.equals(profile) ? this : new FirmwareModel(data, board);
	}

	/** The board profile this view answers for. */
	public BoardProfile profile() {
		return profile;
	}

	/** A short description of the firmware the data file describes. */
	public String description() {
		return data.description();
	}

	/** The base library functions ({@code print}, {@code pairs}, {@code require} ...) by name. */
	public Map<String, FirmwareFunction> globalFunctions() {
		return data.globalFunctions();
	}

	/** The global values that are not functions ({@code _G}, {@code _VERSION}, {@code ROM}) by name. */
	public Map<String, FirmwareField> globalValues() {
		return data.globalValues();
	}

	/**
	 * Globals the firmware reads if a script sets them ({@code _PROMPT}, {@code _PROMPT2}); they
	 * are not predefined, so they are not in {@link #globalNames()}.
	 */
	public Map<String, FirmwareField> globalHooks() {
		return data.hooks();
	}

	/** The standard libraries present on the board, as trimmed for this profile's number type. */
	public Map<String, FirmwareTable> libraries() {
		return libraries;
	}

	/** Every firmware module the data file knows, whether or not this profile includes it. */
	public Map<String, FirmwareTable> modules() {
		return modules;
	}

	/** The module {@code name} if the data file knows it, whether or not this profile includes it. */
	public Optional<FirmwareTable> module(String name) {
		return Optional.ofNullable(modules.get(name));
	}

	/** The modules of the default firmware build, per the data file. */
	public Set<String> defaultModuleNames() {
		Set<String> names = new TreeSet<>();
		modules.forEach((name, module) -> {
			if (module.isInDefaultBuild()) {
				names.add(name);
			}
		});
		return Collections.unmodifiableSet(names);
	}

	/** Whether module {@code name} is compiled into this profile's firmware. */
	public boolean isInBuild(String module) {
		FirmwareTable described = modules.get(module);
		return profile.includes(module) || described != null && described.isAlwaysOn();
	}

	/**
	 * The modules in this profile's build: those the profile names plus those every build has.
	 * Includes modules the data file does not describe.
	 */
	public Set<String> modulesInBuild() {
		Set<String> names = new TreeSet<>(profile.modules());
		modules.forEach((name, module) -> {
			if (module.isAlwaysOn()) {
				names.add(name);
			}
		});
		return Collections.unmodifiableSet(names);
	}

	/** The object types ({@code tmr.timer}, {@code net.tcpsocket} ...) by registered name. */
	public Map<String, ObjectType> objectTypes() {
		return data.objects();
	}

	/** The object type registered as {@code name}, e.g. {@code tmr.timer}. */
	public Optional<ObjectType> objectType(String name) {
		return Optional.ofNullable(data.objects().get(name));
	}

	/** What Lua programmers expect but the board lacks, by dotted path (independent of the profile). */
	public Map<String, AbsentApi> absentApis() {
		return data.absent();
	}

	/** What differs on an integer build. */
	public IntegerBuild integerBuild() {
		return data.integerBuild();
	}

	/**
	 * Every name a script can read as a global on this board without defining it: the base
	 * functions, {@code _G}, {@code _VERSION}, {@code ROM}, the standard libraries and the modules
	 * in the build. Sorted.
	 */
	public Set<String> globalNames() {
		Set<String> names = new TreeSet<>();
		names.addAll(data.globalFunctions().keySet());
		names.addAll(data.globalValues().keySet());
		names.addAll(libraries.keySet());
		names.addAll(modulesInBuild());
		return Collections.unmodifiableSet(names);
	}

	/**
	 * Whether the table at {@code path} is a read-only ROM table on this board, so that assigning
	 * to one of its keys raises "table is readonly": every library but {@code package}, every
	 * module in the build and its sub-tables, and {@code ROM}. False for anything else, including
	 * {@code _G} and paths that are not tables.
	 */
	public boolean isRomTable(String path) {
		LookupResult result = lookup(path);
		if (result instanceof LookupResult.Table table) {
			return table.table().isRom();
		}
		if (result instanceof LookupResult.Field field) {
			return field.field().rom() && field.field().type().equals("table");
		}
		if (result instanceof LookupResult.Undescribed undescribed) {
			// a module in the build, even if its members are unknown, is a ROTable
			String canonical = undescribed.path().replaceFirst("^((_G|ROM)\\.)+", "");
			return canonical.equals(undescribed.module());
		}
		return false;
	}

	/**
	 * What the dotted {@code path} means on this board: {@code tmr.create} is a function,
	 * {@code wifi.sta} a ROM table, {@code gpio.OUTPUT} a constant, {@code tmr.alarm} removed,
	 * {@code math.sin} and {@code io.open} absent, {@code mqtt.Client} not in a build without
	 * mqtt, {@code tmr.creat} an unknown member of {@code tmr}. A leading {@code _G.} or
	 * {@code ROM.} is looked through, as the board does.
	 *
	 * @throws IllegalArgumentException if {@code path} has an empty segment
	 */
	public LookupResult lookup(String path) {
		Objects.requireNonNull(path);
		String[] parts = path.split("\\.", -1);
		for (String part : parts) {
			if (part.isEmpty()) {
				throw new IllegalArgumentException("not a dotted path: \"" + path + "\"");
			}
		}
		// _G.x and ROM.x find the same as x: libraries and modules live in ROM behind _G's __index
		int start = 0;
		while (start < parts.length - 1 && (parts[start].equals("_G") || parts[start].equals("ROM"))) {
			start++;
		}
		String root = parts[start];
		Object current;
		String module = null;
		if (data.globalFunctions().containsKey(root)) {
			current = data.globalFunctions().get(root);
		} else if (data.globalValues().containsKey(root)) {
			current = data.globalValues().get(root);
		} else if (libraries.containsKey(root)) {
			current = libraries.get(root);
		} else if (modules.containsKey(root)) {
			if (!isInBuild(root)) {
				return new LookupResult.NotInBuild(path, root);
			}
			current = modules.get(root);
			module = root;
		} else if (profile.includes(root)) {
			return new LookupResult.Undescribed(path, root);
		} else {
			Optional<AbsentApi> absent = absent(parts, start, start + 1);
			return absent.isPresent() ? new LookupResult.Absent(path, absent.get()) : new LookupResult.Unknown(path);
		}

		String currentPath = root;
		for (int i = start + 1; i < parts.length; i++) {
			if (!(current instanceof FirmwareTable table)) {
				// a function, constant or field: what lies below it is not described
				return new LookupResult.Unknown(path);
			}
			if (!table.isDescribed()) {
				return new LookupResult.Undescribed(path, module == null ? root : module);
			}
			String member = parts[i];
			if (table.functions().containsKey(member)) {
				current = table.functions().get(member);
			} else if (table.constants().containsKey(member)) {
				current = table.constants().get(member);
			} else if (table.fields().containsKey(member)) {
				current = table.fields().get(member);
			} else if (table.tables().containsKey(member)) {
				current = table.tables().get(member);
			} else if (table.removed().containsKey(member)) {
				return new LookupResult.Removed(path, table.removed().get(member));
			} else {
				Optional<AbsentApi> absent = absent(parts, start, i + 1);
				return absent.isPresent() ? new LookupResult.Absent(path, absent.get())
						: new LookupResult.UnknownMember(path, currentPath, member, table);
			}
			currentPath = currentPath + "." + member;
		}
		if (current instanceof FirmwareFunction function) {
			return new LookupResult.Function(path, function);
		}
		if (current instanceof FirmwareConstant constant) {
			return new LookupResult.Constant(path, constant);
		}
		if (current instanceof FirmwareField field) {
			return new LookupResult.Field(path, field);
		}
		return new LookupResult.Table(path, (FirmwareTable) current);
	}

	/**
	 * The most specific absent entry for {@code parts[start..k)} with {@code k} from the whole
	 * path down to {@code minEnd}: {@code io.open} has its own message, {@code io.popen} gets the
	 * one of {@code io}.
	 */
	private Optional<AbsentApi> absent(String[] parts, int start, int minEnd) {
		for (int end = parts.length; end >= minEnd; end--) {
			String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, start, end));
			AbsentApi api = data.absent().get(prefix);
			if (api == null) {
				api = buildAbsent.get(prefix);
			}
			if (api != null) {
				return Optional.of(api);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "FirmwareModel[" + profile + "]";
	}
}
