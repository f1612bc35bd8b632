package pearl.lua.lint;

import java.util.Locale;

/** How serious a lint finding is; an {@link #ERROR} fails {@code pearl lint}. */
public enum Severity {
	INFO, WARNING, ERROR;

	/** The lower-case word used in output and configuration. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code info}, {@code warning} or {@code error}; null for anything else. */
	public static Severity parse(String word) {
		for (Severity severity : values()) {
			if (severity.word().equals(word)) {
				return severity;
			}
		}
		return null;
	}
}
