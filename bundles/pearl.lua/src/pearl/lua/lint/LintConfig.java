package pearl.lua.lint;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import pearl.lua.lint.config.WarningFilter;
import pearl.lua.lint.config.WarningPattern;

/**
 * What a project tells the linter: severities per rule (or off), the globals it defines on
 * purpose (may be written and read) and those it only reads, and luacheck-style
 * {@code ignore}/{@code enable}/{@code only} warning patterns ({@link #isSuppressed}). Mutable
 * while being built, then handed to a {@link Linter}; {@link #copy()} gives an independent one to
 * extend, e.g. with the options of one file's {@code .luacheckrc} entries.
 */
public final class LintConfig {

	private final Map<String, Optional<Severity>> severities = new HashMap<>();
	private final Set<String> globals = new HashSet<>();
	private final Set<String> readGlobals = new HashSet<>();
	private WarningFilter filter = WarningFilter.NONE;

	/** Sets a rule's severity; {@code null} turns it off. */
	public LintConfig severity(String code, Severity severity) {
		severities.put(code, Optional.ofNullable(severity));
		return this;
	}

	/** The severity of {@code rule} here, or empty when it is off. */
	public Optional<Severity> severityOf(LintRule rule) {
		return severities.getOrDefault(rule.code(), Optional.of(rule.defaultSeverity()));
	}

	/** Whether the configuration mentions {@code code} at all. */
	public boolean configures(String code) {
		return severities.containsKey(code);
	}

	/** Declares globals the project sets and reads on purpose. */
	public LintConfig globals(Set<String> names) {
		globals.addAll(names);
		return this;
	}

	/** Declares globals the project reads but must not set. */
	public LintConfig readGlobals(Set<String> names) {
		readGlobals.addAll(names);
		return this;
	}

	/** Whether the project declares {@code name} as a global it may set. */
	public boolean isDeclaredGlobal(String name) {
		return globals.contains(name);
	}

	/** Whether the project declares {@code name} as readable (settable or read-only). */
	public boolean isReadableGlobal(String name) {
		return globals.contains(name) || readGlobals.contains(name);
	}

	/** A new configuration with the same settings, which can change without changing this one. */
	public LintConfig copy() {
		LintConfig copy = new LintConfig();
		copy.severities.putAll(severities);
		copy.globals.addAll(globals);
		copy.readGlobals.addAll(readGlobals);
		copy.filter = filter;
		return copy;
	}

	/**
	 * Replaces the globals the project sets and reads on purpose (luacheck's {@code new_globals}):
	 * those declared so far are forgotten.
	 */
	public LintConfig replaceGlobals(Set<String> names) {
		globals.clear();
		globals.addAll(names);
		return this;
	}

	/**
	 * Replaces the globals the project only reads (luacheck's {@code new_read_globals}): those
	 * declared so far are forgotten.
	 */
	public LintConfig replaceReadGlobals(Set<String> names) {
		readGlobals.clear();
		readGlobals.addAll(names);
		return this;
	}

	/** The globals declared as set and read on purpose (read-only view). */
	public Set<String> declaredGlobals() {
		return Collections.unmodifiableSet(globals);
	}

	/** The globals declared as read-only (read-only view). */
	public Set<String> declaredReadGlobals() {
		return Collections.unmodifiableSet(readGlobals);
	}

	/**
	 * Suppresses findings selected by luacheck-style warning patterns ({@link WarningPattern}),
	 * e.g. {@code 212/self}, {@code global-write/count} or {@code foo_.*}; nothing when
	 * {@code patterns} is empty.
	 *
	 * @throws IllegalArgumentException when a pattern is malformed
	 */
	public LintConfig ignore(Collection<String> patterns) {
		return filter(WarningFilter.Action.IGNORE, patterns);
	}

	/**
	 * Reports again findings selected by the patterns that earlier {@link #ignore} or
	 * {@link #only} calls suppressed.
	 *
	 * @throws IllegalArgumentException when a pattern is malformed
	 */
	public LintConfig enable(Collection<String> patterns) {
		return filter(WarningFilter.Action.ENABLE, patterns);
	}

	/**
	 * Suppresses findings that none of the patterns selects.
	 *
	 * @throws IllegalArgumentException when a pattern is malformed
	 */
	public LintConfig only(Collection<String> patterns) {
		return filter(WarningFilter.Action.ONLY, patterns);
	}

	/** Appends {@code more} to the warning filter: its steps run after those added so far. */
	public LintConfig filter(WarningFilter more) {
		filter = filter.then(more);
		return this;
	}

	/** The warning filter built by {@link #ignore}, {@link #enable} and {@link #only}, in call order. */
	public WarningFilter filter() {
		return filter;
	}

	/**
	 * Whether the warning patterns suppress {@code issue}. Syntax errors are never suppressed, as in
	 * luacheck, where errors cannot be ignored.
	 */
	public boolean isSuppressed(LintIssue issue) {
		if (LintIssue.SYNTAX.equals(issue.code())) {
			return false;
		}
		return filter.isSuppressed(issue.code(), issue.subject(), false);
	}

	private LintConfig filter(WarningFilter.Action action, Collection<String> patterns) {
		List<WarningPattern> parsed = patterns.stream().map(WarningPattern::parse).toList();
		filter = filter.then(action, parsed);
		return this;
	}
}
