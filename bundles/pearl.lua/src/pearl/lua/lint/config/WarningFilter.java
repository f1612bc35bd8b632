package pearl.lua.lint.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Luacheck's {@code ignore}, {@code enable} and {@code only} options as an ordered list of steps.
 * A finding starts reported; each step, in order, may change that: {@code only} suppresses what
 * its patterns do not select, {@code ignore} suppresses what they select, {@code enable} reports
 * again what they select. Later steps thus win over earlier ones, which is how options of a
 * {@code files} entry or of an inline comment override the top level of {@code .luacheckrc}.
 * Within one options table the steps run {@code only}, then {@code ignore}, then {@code enable}.
 * Immutable.
 */
public final class WarningFilter {

	/** What a step does with the findings its patterns select. */
	public enum Action {
		/** Suppress the selected findings. */
		IGNORE,
		/** Report the selected findings again. */
		ENABLE,
		/** Suppress every finding the patterns do not select. */
		ONLY
	}

	private record Step(Action action, List<WarningPattern> patterns) {
	}

	/** The filter without steps: it changes nothing. */
	public static final WarningFilter NONE = new WarningFilter(List.of());

	private final List<Step> steps;

	private WarningFilter(List<Step> steps) {
		this.steps = steps;
	}

	/** This filter followed by one more step (none when {@code patterns} is empty). */
	public WarningFilter then(Action action, Collection<WarningPattern> patterns) {
		if (patterns.isEmpty()) {
			return this;
		}
		List<Step> more = new ArrayList<>(steps);
		more.add(new Step(action, List.copyOf(patterns)));
		return new WarningFilter(List.copyOf(more));
	}

	/** This filter followed by the steps of {@code other}. */
	public WarningFilter then(WarningFilter other) {
		if (other.steps.isEmpty()) {
			return this;
		}
		List<Step> more = new ArrayList<>(steps);
		more.addAll(other.steps);
		return new WarningFilter(List.copyOf(more));
	}

	/** Whether the filter has no steps. */
	public boolean isEmpty() {
		return steps.isEmpty();
	}

	/**
	 * Runs the steps over a finding of rule {@code code} about {@code subject} (or null).
	 *
	 * @param suppressed whether the finding is suppressed before the first step (by an earlier
	 *                   filter, such as the configuration file's before an inline comment's)
	 * @return whether the finding is suppressed after the last step
	 */
	public boolean isSuppressed(String code, String subject, boolean suppressed) {
		boolean result = suppressed;
		for (Step step : steps) {
			boolean selected = selects(step.patterns(), code, subject);
			switch (step.action()) {
			case IGNORE -> result = result || selected;
			case ENABLE -> result = result && !selected;
			case ONLY -> result = result || !selected;
			}
		}
		return result;
	}

	private static boolean selects(List<WarningPattern> patterns, String code, String subject) {
		for (WarningPattern pattern : patterns) {
			if (pattern.matches(code, subject)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return steps.toString();
	}
}
