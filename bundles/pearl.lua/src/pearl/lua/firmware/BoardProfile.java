package pearl.lua.firmware;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which firmware a board runs: the set of firmware modules compiled in and whether numbers are
 * floats or integers. NodeMCU firmware is built per project (cloud builds, Docker builds), so a
 * script that is fine on one board calls a missing module on another.
 *
 * <p>A profile can be read from a small JSON file:
 * <pre>{"modules": ["node", "tmr", "file", "gpio", "wifi", "net"], "numberType": "integer", "heap": 40000}</pre>
 * {@code numberType} is {@code "float"} (the default when omitted; {@code "double"} is accepted
 * as a synonym, as the boot banner calls it) or {@code "integer"}. {@code heap} is the Lua heap
 * free at boot in bytes (default {@value #DEFAULT_HEAP}, the "about 44 KB" of the documentation;
 * a build with fewer modules has more). Module names the data file does
 * not describe are accepted: they are in the build, their API is just not checked. Modules that
 * every build has ({@code pipe}) need not be listed. {@link #write(Path)} writes the same form, so
 * a profile saved by the IDE ({@link #PROJECT_FILE} in a project) is one {@code pearl} commands take
 * with {@code --profile}. An optional {@code "wifi"} object describes the access points around the
 * emulated board ({@link WifiEnvironment}), and an optional {@code "hardware"} object what is wired to it (inputs,
 * sensors): the emulator reads that one (pearl.emulator's {@code HardwareSetup}); this class keeps it
 * as written, so that {@link #write(Path)} (the IDE's board page) loses no wiring.
 */
public final class BoardProfile {

	/** How the firmware represents Lua numbers. */
	public enum NumberType {
		/** {@code lua_Number} is a double: the default build. */
		FLOAT,
		/** {@code LUA_NUMBER_INTEGRAL}: every number is an integer and math is trimmed further. */
		INTEGER
	}

	/**
	 * The file in a project's folder that holds the project's own profile. Hidden, so it is never
	 * uploaded to the board.
	 */
	public static final String PROJECT_FILE = ".nodemcu-board.json";

	private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** Free heap at boot when a profile does not say: about 44 KB, per the firmware's documentation. */
	public static final long DEFAULT_HEAP = 44 * 1024;
	/** The least free heap at boot a profile may give. */
	public static final long MIN_HEAP = 4 * 1024;
	/** The most free heap at boot a profile may give: an ESP8266 has 80 KB of data RAM for the SDK and Lua. */
	public static final long MAX_HEAP = 80 * 1024;

	private final Set<String> modules;
	private final NumberType numberType;
	private final long heap;
	private WifiEnvironment wifi = WifiEnvironment.defaults();
	/** The profile's "hardware" object as JSON text, kept as read so that writing the profile loses no wiring; or null. */
	private String hardware;

	private BoardProfile(Set<String> modules, NumberType numberType) {
		this(modules, numberType, DEFAULT_HEAP);
	}

	private BoardProfile(Set<String> modules, NumberType numberType, long heap) {
		this.modules = Collections.unmodifiableSet(new TreeSet<>(modules));
		this.numberType = Objects.requireNonNull(numberType);
		this.heap = heap;
	}

	/** This profile with its Wi-Fi world (every copy made by the {@code with} methods keeps it). */
	private BoardProfile carrying(WifiEnvironment world) {
		wifi = world;
		return this;
	}

	/** This profile with the Wi-Fi world and hardware wiring of {@code other}. */
	private BoardProfile carrying(BoardProfile other) {
		wifi = other.wifi;
		hardware = other.hardware;
		return this;
	}


	/**
	 * A profile with exactly these modules.
	 *
	 * @throws IllegalArgumentException if a name is not a Lua identifier
	 */
	public static BoardProfile of(Collection<String> modules, NumberType numberType) {
		return of(modules, numberType, DEFAULT_HEAP);
	}

	/**
	 * A profile with exactly these modules and {@code heap} bytes free at boot.
	 *
	 * @throws IllegalArgumentException if a name is not a Lua identifier, or the heap is not one an
	 *                                  ESP8266 can have
	 */
	public static BoardProfile of(Collection<String> modules, NumberType numberType, long heap) {
		for (String module : modules) {
			if (module == null || !MODULE_NAME.matcher(module).matches()) {
				throw new IllegalArgumentException("not a module name: " + module);
			}
		}
		String problem = heapProblem(heap);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return new BoardProfile(Set.copyOf(modules), numberType, heap);
	}

	/** Why {@code heap} cannot be the free heap at boot, or null when it can. */
	public static String heapProblem(long heap) {
		return heap < MIN_HEAP || heap > MAX_HEAP
				? "heap is the free heap at boot in bytes, between " + MIN_HEAP + " and " + MAX_HEAP + " on an ESP8266, not " + heap
				: null;
	}

	/**
	 * The default firmware build: the modules enabled in {@code user_modules.h} (adc, bit, dht,
	 * file, gpio, i2c, mqtt, net, node, ow, spi, tmr, uart, wifi, and pipe, which is always on)
	 * with float numbers.
	 */
	public static BoardProfile defaultBuild() {
		return of(FirmwareModel.load().defaultModuleNames(), NumberType.FLOAT);
	}

	/** Every module the data file describes, with float numbers: the widest view, for when the board is unknown. */
	public static BoardProfile allModules() {
		return FirmwareModel.load().profile();
	}

	/**
	 * Reads a profile file.
	 *
	 * @throws IOException            if the file cannot be read
	 * @throws FirmwareDataException if it is not a valid profile; the message names the file
	 */
	public static BoardProfile read(Path file) throws IOException {
		return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
	}

	/**
	 * Parses the JSON text of a profile.
	 *
	 * @param sourceName the file name to put in error messages
	 * @throws FirmwareDataException if the text is not a valid profile
	 */
	public static BoardProfile parse(String json, String sourceName) {
		com.google.gson.JsonElement tree = StrictJson.parse(new StringReader(json), sourceName);
		JsonCursor root = JsonCursor.root(tree, sourceName);
		if (!root.isObject()) {
			throw root.fail("a board profile must be a JSON object like {\"modules\": [\"node\", \"tmr\"], \"numberType\": \"float\"}");
		}
		root.allowOnly("modules", "numberType", "heap", "wifi", "hardware");
		Set<String> modules = new TreeSet<>();
		for (JsonCursor entry : root.required("modules").elements()) {
			String name = entry.asString();
			if (!MODULE_NAME.matcher(name).matches()) {
				throw entry.fail("not a module name: \"" + name + "\"");
			}
			modules.add(name);
		}
		NumberType numberType = NumberType.FLOAT;
		if (root.optional("numberType").isPresent()) {
			JsonCursor type = root.required("numberType");
			numberType = switch (type.asString()) {
			case "float", "double" -> NumberType.FLOAT;
			case "integer" -> NumberType.INTEGER;
			default -> throw type.fail("expected \"float\" or \"integer\", found \"" + type.asString() + "\"");
			};
		}
		long heap = DEFAULT_HEAP;
		if (root.optional("heap").isPresent()) {
			JsonCursor value = root.required("heap");
			double number = value.asNumber().doubleValue();
			if (number != Math.rint(number)) {
				throw value.fail("heap is a whole number of bytes, not " + number);
			}
			heap = (long) number;
			if (heapProblem(heap) != null) {
				throw value.fail(heapProblem(heap));
			}
		}
		WifiEnvironment world = root.optional("wifi").map(WifiEnvironment::parse).orElse(WifiEnvironment.defaults());
		BoardProfile profile = new BoardProfile(modules, numberType, heap).carrying(world);
		com.google.gson.JsonElement wiring = tree.getAsJsonObject().get("hardware");
		profile.hardware = wiring == null ? null : wiring.toString();
		return profile;
	}

	/** The profile as JSON text that {@link #parse} reads back as an equal profile. */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\n  \"modules\": [");
		String separator = "";
		for (String module : modules) {
			json.append(separator).append('"').append(module).append('"'); // identifiers: nothing to escape
			separator = ", ";
		}
		return json.append("],\n  \"numberType\": \"").append(numberType.name().toLowerCase(java.util.Locale.ROOT))
				.append("\",\n  \"heap\": ").append(heap)
				.append(wifi.equals(WifiEnvironment.defaults()) ? "" : ",\n  \"wifi\": " + wifi.toJson())
				.append(hardware == null ? "" : ",\n  \"hardware\": " + hardware).append("\n}\n").toString();
	}

	/** Writes the profile to {@code file} as {@link #toJson()} gives it. */
	public void write(Path file) throws IOException {
		Files.writeString(file, toJson(), StandardCharsets.UTF_8);
	}

	/** Bytes of Lua heap free at boot. */
	public long heap() {
		return heap;
	}

	/** The firmware modules named by the profile, sorted. */
	public Set<String> modules() {
		return modules;
	}

	/** Whether the profile names {@code module}. */
	public boolean includes(String module) {
		return modules.contains(module);
	}

	/** The access points around the emulated board and what joining one gives. */
	public WifiEnvironment wifi() {
		return wifi;
	}

	/** The same profile in another Wi-Fi world. */
	public BoardProfile withWifi(WifiEnvironment world) {
		return new BoardProfile(modules, numberType, heap).carrying(world);
	}

	/** Float or integer numbers. */
	public NumberType numberType() {
		return numberType;
	}

	/** The same modules with another number type. */
	public BoardProfile withNumberType(NumberType type) {
		return new BoardProfile(modules, type, heap).carrying(this);
	}

	/** The same number type and heap with exactly {@code names} as modules. */
	public BoardProfile withModules(Collection<String> names) {
		return of(names, numberType, heap).carrying(this);
	}

	/**
	 * The same modules and number type with {@code bytes} free at boot.
	 *
	 * @throws IllegalArgumentException if an ESP8266 cannot have that heap ({@link #heapProblem})
	 */
	public BoardProfile withHeap(long bytes) {
		return of(modules, numberType, bytes).carrying(this);
	}

	/** The same number type with {@code module} left out. */
	public BoardProfile without(String module) {
		Set<String> fewer = new TreeSet<>(modules);
		fewer.remove(module);
		return new BoardProfile(fewer, numberType, heap).carrying(this);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BoardProfile profile && profile.modules.equals(modules) && profile.numberType == numberType
				&& profile.heap == heap && profile.wifi.equals(wifi) && Objects.equals(profile.hardware, hardware);
	}

	@Override
	public int hashCode() {
		return Objects.hash(modules, numberType, heap, wifi);
	}

	@Override
	public String toString() {
		return "BoardProfile" + modules + " " + numberType.name().toLowerCase(java.util.Locale.ROOT);
	}
}
