package pearl.lua.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import pearl.lua.LuaSources;
import pearl.lua.LuaSyntaxError;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeModel;

/**
 * Lints Lua files: syntax errors first (a file with one gets no other findings, as its tree is
 * only partly known), then every rule. Files linted in one run form a project: a global one
 * file sets is defined for the others.
 */
public final class Linter {

	/** A file to lint. */
	public record Source(String fileName, String text) {
	}

	private final LuaSources sources;
	private final FirmwareModel firmware;
	private final List<LintRule> rules;
	private final Function<String, LintConfig> configs;

	/** A linter for a board with the given firmware (narrowed to the board's profile), rules and configuration. */
	public Linter(LuaSources sources, FirmwareModel firmware, List<LintRule> rules, LintConfig config) {
		this(sources, firmware, rules, fileName -> config);
	}

	/**
	 * A linter whose configuration depends on the file (a {@code .luacheckrc} with
	 * {@code files[...]} sections): {@code configs} gives it for a file name.
	 */
	public Linter(LuaSources sources, FirmwareModel firmware, List<LintRule> rules, Function<String, LintConfig> configs) {
		this.sources = sources;
		this.firmware = firmware;
		this.rules = List.copyOf(rules);
		this.configs = configs;
	}

	/** Lints one file on its own. */
	public List<LintIssue> lint(String fileName, String text) {
		return lint(List.of(new Source(fileName, text)));
	}

	/** Lints the files of a project, on every processor; findings sorted by file, line and column. */
	public List<LintIssue> lint(List<Source> files) {
		Findings findings = new Findings();
		if (files.size() < 2) {
			files.forEach(file -> lintFile(file, findings));
			return findings.result();
		}
		int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
		ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "pearl-lint");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Source file : files) {
				done.add(pool.submit(() -> lintFile(file, findings)));
			}
			for (Future<?> future : done) {
				future.get();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("linting was interrupted", e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
		return findings.result();
	}

	/** Lints a file already parsed (an editor's document after an edit), on its own. */
	public List<LintIssue> lint(Source file, LuaSources.Parsed parsed) {
		return lint(file, parsed, Set.of());
	}

	/**
	 * Lints a file already parsed as one file of a project whose other files set the globals
	 * {@code globalsSetElsewhere}: reading those is not reported.
	 */
	public List<LintIssue> lint(Source file, LuaSources.Parsed parsed, Collection<String> globalsSetElsewhere) {
		Findings findings = new Findings();
		globalsSetElsewhere.forEach(findings::define);
		lintParsed(file, parsed, findings);
		return findings.result();
	}

	private void lintFile(Source file, Findings findings) {
		lintParsed(file, sources.parse(file.fileName(), file.text()), findings);
	}

	private void lintParsed(Source file, LuaSources.Parsed parsed, Findings findings) {
		if (!parsed.syntaxErrors().isEmpty()) {
			LuaSyntaxError error = parsed.syntaxErrors().get(0);
			findings.add(new LintIssue(file.fileName(), error.line(), error.column(), error.line(), error.column() + 1, Severity.ERROR,
					LintIssue.SYNTAX, error.message(), null));
			return;
		}
		ScopeModel scopes = parsed.scopes();
		for (NameUse use : scopes.globalUses()) {
			if (use.access() == NameUse.Access.WRITE) {
				findings.define(use.name());
			}
		}
		LintConfig config = configs.apply(file.fileName());
		LintContext context = new LintContext(file.fileName(), file.text(), parsed, config, firmware, findings);
		for (LintRule rule : rules) {
			if (config.severityOf(rule).isPresent()) {
				rule.check(context);
			}
		}
	}

	/** What a run found so far. */
	static final class Findings {
		private final List<LintIssue> issues = new ArrayList<>();
		private final List<Deferred> undefinedGlobals = new ArrayList<>();
		private final Set<String> defined = new HashSet<>();

		private record Deferred(String global, LintIssue issue) {
		}

		synchronized void add(LintIssue issue) {
			issues.add(issue);
		}

		synchronized void define(String global) {
			defined.add(global);
		}

		synchronized void addUnlessDefined(String global, LintIssue issue) {
			if (issue != null) {
				undefinedGlobals.add(new Deferred(global, issue));
			}
		}

		synchronized List<LintIssue> result() {
			List<LintIssue> all = new ArrayList<>(issues);
			for (Deferred deferred : undefinedGlobals) {
				if (!defined.contains(deferred.global())) {
					all.add(deferred.issue());
				}
			}
			all.sort(Comparator.comparing(LintIssue::file).thenComparingInt(LintIssue::line).thenComparingInt(LintIssue::column)
					.thenComparing(LintIssue::code));
			return all;
		}
	}
}
