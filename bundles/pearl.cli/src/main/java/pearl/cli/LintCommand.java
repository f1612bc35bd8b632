package pearl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import pearl.lua.LuaSources;
import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;
import pearl.lua.lint.Severity;
import pearl.lua.lint.config.LuacheckConfigException;
import pearl.lua.lint.config.ProjectConfig;

/**
 * {@code pearl lint [--format text|json|sarif] [--rule CODE=LEVEL]... PATH...}: lints Lua files
 * and folders (recursively, {@code *.lua}). Exit 0 without errors, 1 with any error finding,
 * 2 on bad usage or a path that cannot be read (the readable files are still linted).
 */
final class LintCommand implements Command {

	private final List<LintRule> rules = LintRules.all();

	@Override
	public String name() {
		return "lint";
	}

	@Override
	public String summary() {
		return "check Lua files for syntax errors and NodeMCU pitfalls";
	}

	@Override
	public String usage() {
		return """
				Usage: pearl lint [--format text|json|sarif] [--profile FILE] [--rule CODE=off|info|warning|error]... PATH...

				Lints Lua files; a folder means every *.lua file below it.

				  --format FORMAT   text (file:line:column: severity: message [code], the default),
				                    json (an array of findings) or sarif (SARIF 2.1.0)
				  --config FILE     the luacheck configuration to honour (default: the first
				                    .luacheckrc in the current folder or one above it)
				  --no-config       ignore any .luacheckrc
				  --profile FILE    the board's firmware build, as JSON:
				                    {"modules": ["file", "gpio", "net", "node", "tmr", "wifi"], "numberType": "float"}
				                    (default: NodeMCU's default module set, float build)
				  --rule CODE=LEVEL set a rule's severity, or turn it off; repeatable
				                    rules: %s
				  --bench           print the linter's speed on these files instead of findings:
				                    files and lines per second, and the time to revalidate a
				                    2,000-line file after a one-character edit

				Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable path.
				""".formatted(rules.stream().map(LintRule::code).collect(Collectors.joining(", ")));
	}

	@Override
	public int run(List<String> args, Console console) throws UsageException {
		String format = "text";
		boolean bench = false;
		boolean noConfig = false;
		Path configFile = null;
		Path profile = null;
		LintConfig config = new LintConfig();
		List<Path> paths = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--format") || arg.equals("--rule") || arg.equals("--profile") || arg.equals("--config")) {
				if (i + 1 >= args.size()) {
					throw new UsageException(arg + " needs a value");
				}
				String value = args.get(++i);
				if (arg.equals("--format")) {
					format = format(value);
				} else if (arg.equals("--profile")) {
					profile = Path.of(value);
				} else if (arg.equals("--config")) {
					configFile = Path.of(value);
				} else {
					rule(value, config);
				}
			} else if (arg.equals("--bench")) {
				bench = true;
			} else if (arg.equals("--no-config")) {
				noConfig = true;
			} else if (arg.startsWith("--profile=")) {
				profile = Path.of(arg.substring("--profile=".length()));
			} else if (arg.startsWith("--format=")) {
				format = format(arg.substring("--format=".length()));
			} else if (arg.startsWith("--rule=")) {
				rule(arg.substring("--rule=".length()), config);
			} else if (arg.startsWith("-") && !arg.equals("-")) {
				throw new UsageException("unknown option '" + arg + "'");
			} else {
				paths.add(Path.of(arg));
			}
		}
		if (paths.isEmpty()) {
			throw new UsageException("no file or folder to lint");
		}
		FirmwareModel firmware;
		try {
			firmware = profile == null ? FirmwareModel.load() : FirmwareModel.load().forProfile(BoardProfile.read(profile));
		} catch (IOException e) {
			console.err().println("pearl lint: cannot read the board profile " + profile + ": " + e.getMessage());
			return Main.USAGE;
		} catch (FirmwareDataException e) {
			console.err().println("pearl lint: " + e.getMessage());
			return Main.USAGE;
		}
		ProjectConfig project;
		try {
			project = noConfig ? ProjectConfig.none(config) : ProjectConfig.find(configFile, config);
		} catch (IOException e) {
			console.err().println("pearl lint: cannot read " + configFile + ": " + e.getMessage());
			return Main.USAGE;
		} catch (LuacheckConfigException e) {
			console.err().println("pearl lint: " + e.getMessage());
			return Main.USAGE;
		}
		List<String> unreadable = new ArrayList<>();
		List<Linter.Source> sources = read(paths, unreadable).stream().filter(source -> !project.excludes(source.fileName())).toList();
		LuaSources lua = LuaSources.standalone();
		Linter linter = new Linter(lua, firmware, rules, project::configFor);
		if (bench) {
			new LintBenchmark(lua, linter, console).run(sources);
			return unreadable.isEmpty() ? 0 : Main.USAGE;
		}
		List<LintIssue> issues = linter.lint(sources);
		console.out().print(switch (format) {
		case "json" -> LintReports.json(issues);
		case "sarif" -> LintReports.sarif(issues, rules, config);
		default -> LintReports.text(issues);
		});
		console.out().flush();
		unreadable.forEach(problem -> console.err().println("pearl lint: " + problem));
		if (!unreadable.isEmpty()) {
			return Main.USAGE;
		}
		return issues.stream().anyMatch(issue -> issue.severity() == Severity.ERROR) ? 1 : 0;
	}

	private static String format(String value) throws UsageException {
		if (!List.of("text", "json", "sarif").contains(value)) {
			throw new UsageException("unknown format '" + value + "' (text, json or sarif)");
		}
		return value;
	}

	private void rule(String setting, LintConfig config) throws UsageException {
		int equals = setting.indexOf('=');
		if (equals < 0) {
			throw new UsageException("--rule wants CODE=LEVEL, not '" + setting + "'");
		}
		String code = setting.substring(0, equals);
		String level = setting.substring(equals + 1);
		if (rules.stream().noneMatch(r -> r.code().equals(code))) {
			throw new UsageException("unknown rule '" + code + "'");
		}
		if (level.equals("off")) {
			config.severity(code, null);
		} else if (Severity.parse(level) != null) {
			config.severity(code, Severity.parse(level));
		} else {
			throw new UsageException("unknown level '" + level + "' for " + code + " (off, info, warning or error)");
		}
	}

	/** The files named or found below the folders named, in a stable order, each read once. */
	private static List<Linter.Source> read(List<Path> paths, List<String> unreadable) {
		Map<String, Path> files = new TreeMap<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".lua"))
							.forEach(p -> files.put(p.toString(), p));
				} catch (IOException | RuntimeException e) {
					unreadable.add("cannot read the folder " + path + ": " + e.getMessage());
				}
			} else if (Files.isRegularFile(path)) {
				files.put(path.toString(), path);
			} else {
				unreadable.add("cannot read " + path + ": " + (Files.exists(path) ? "not a file or folder" : "no such file or folder"));
			}
		}
		List<Linter.Source> sources = new ArrayList<>();
		for (Map.Entry<String, Path> file : files.entrySet()) {
			try {
				sources.add(new Linter.Source(file.getKey(), decode(Files.readAllBytes(file.getValue()))));
			} catch (IOException e) {
				unreadable.add("cannot read " + file.getKey() + ": " + e.getMessage());
			}
		}
		return sources;
	}

	/** UTF-8 when the bytes are UTF-8; otherwise byte for byte, as Lua itself reads a file. */
	private static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}
}
