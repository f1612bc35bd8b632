package pearl.lua.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a project tells the linter: severities per rule (or off), the globals it defines on
 * purpose (may be written and read) and those it only reads. Mutable while being built, then
 * handed to a {@link Linter}.
 */
public final class LintConfig {

	private final Map<String, Optional<Severity>> severities = new HashMap<>();
	private final Set<String> globals = new HashSet<>();
	private final Set<String> readGlobals = new HashSet<>();

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
}
