package pearl.lua.ide.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import pearl.lua.LuaSources;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.Linter;
import pearl.lua.lint.Severity;
import pearl.lua.lint.SeverityOverrides;
import pearl.lua.lint.config.LuacheckConfigException;
import pearl.lua.lint.config.ProjectConfig;

/**
 * Lints a file being edited exactly as {@code pearl lint} lints it in its project: the nearest
 * {@code .luacheckrc} (read again only when it changes on disk), its {@code exclude_files}, and
 * the globals the project's other files set. Editors (the language server, the Eclipse editor)
 * call this on every pause in typing. Safe to use from several threads.
 */
public final class ProjectLinter {

	/** The code of the finding that says the project's {@code .luacheckrc} cannot be used. */
	public static final String CONFIG = "config";

	private record ConfigFile(long modified, ProjectConfig config) {
	}

	private final LuaSources sources;
	private final List<LintRule> rules;
	private final Map<Path, ConfigFile> configs = new ConcurrentHashMap<>();

	/** A linter applying {@code rules}. */
	public ProjectLinter(LuaSources sources, List<LintRule> rules) {
		this.sources = sources;
		this.rules = List.copyOf(rules);
	}

	/**
	 * The findings in {@code document}, whose project's other files set {@code globalsSetElsewhere};
	 * a broken {@code .luacheckrc} is a finding of code {@link #CONFIG} on the first line.
	 */
	public List<LintIssue> lint(LuaDocument document, Collection<String> globalsSetElsewhere) {
		return lint(document, globalsSetElsewhere, SeverityOverrides.none());
	}

	/**
	 * The findings in {@code document} with the severities a user chose in place of the rules'
	 * defaults; the project's {@code .luacheckrc} applies on top of them as described in
	 * {@link SeverityOverrides}: its {@code ignore} still hides findings, its {@code enable} does
	 * not bring back a rule the overrides turn off.
	 */
	public List<LintIssue> lint(LuaDocument document, Collection<String> globalsSetElsewhere, SeverityOverrides severities) {
		List<LintIssue> found = new ArrayList<>();
		ProjectConfig config;
		try {
			config = config(folderOf(document.fileName()));
		} catch (IOException | LuacheckConfigException e) {
			found.add(new LintIssue(document.fileName(), 1, 1, 1, 1, Severity.WARNING, CONFIG,
					ProjectConfig.FILE_NAME + " is not used: " + e.getMessage(), null));
			config = ProjectConfig.none(new LintConfig());
		}
		if (config.excludes(document.fileName())) {
			return found;
		}
		ProjectConfig project = config;
		Function<String, LintConfig> configs = severities.equals(SeverityOverrides.none()) ? project::configFor
				: fileName -> severities.applyTo(project.configFor(fileName).copy());
		Linter linter = new Linter(sources, document.firmware(), rules, configs);
		found.addAll(linter.lint(new Linter.Source(document.fileName(), document.text()), document.parsed(), globalsSetElsewhere));
		return found;
	}

	/** The lint configuration of one file; the defaults when its {@code .luacheckrc} cannot be read. */
	public LintConfig configFor(String fileName) {
		try {
			return config(folderOf(fileName)).configFor(fileName);
		} catch (IOException | LuacheckConfigException e) {
			return new LintConfig(); // lint() reports the broken file
		}
	}

	private ProjectConfig config(Path folder) throws IOException {
		Path file = ProjectConfig.nearest(folder);
		if (file == null) {
			return ProjectConfig.none(new LintConfig());
		}
		long modified = Files.getLastModifiedTime(file).toMillis();
		ConfigFile known = configs.get(file);
		if (known == null || known.modified() != modified) {
			known = new ConfigFile(modified, ProjectConfig.find(file, folder, new LintConfig()));
			configs.put(file, known);
		}
		return known.config();
	}

	private static Path folderOf(String fileName) {
		Path path = Path.of(fileName).toAbsolutePath();
		return path.getParent() == null ? path : path.getParent();
	}
}
