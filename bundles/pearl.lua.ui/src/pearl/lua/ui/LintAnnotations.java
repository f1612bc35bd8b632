package pearl.lua.ui;

import pearl.lua.lint.Severity;

/**
 * The annotation types the Lua editor draws lint findings with: Eclipse's own error, warning and
 * info types (the same a problem marker's annotation has), so squiggles, rulers and preferences
 * look as in any Eclipse editor.
 */
public final class LintAnnotations {

	private static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	private static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	private static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private LintAnnotations() {
	}

	/** The annotation type of a finding of {@code severity}. */
	public static String typeOf(Severity severity) {
		return switch (severity) {
		case ERROR -> ERROR;
		case WARNING -> WARNING;
		case INFO -> INFO;
		};
	}

	/** Whether annotations of {@code type} show a lint finding (live, or a problem marker's). */
	public static boolean isLint(String type) {
		return ERROR.equals(type) || WARNING.equals(type) || INFO.equals(type);
	}
}
