package pearl.lua.ide.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.lint.LintIssue;

/**
 * The quick fixes for lint findings, most useful first:
 * <ul>
 * <li>{@code global-write}: make the global local;</li>
 * <li>{@code callback-captures-owner}: use the callback's own parameter instead of the owner;</li>
 * <li>{@code removed-api} on a static timer ({@code tmr.alarm(id, ...)}): use a
 * {@code tmr.create()} timer;</li>
 * <li>{@code global-write}, {@code global-read}: add the name to the project's
 * {@code .luacheckrc} globals;</li>
 * <li>every finding but a syntax error: suppress it with a {@code luacheck:} comment.</li>
 * </ul>
 * A fix that cannot be made safely (the code is not in the shape it expects) is not offered.
 */
public final class LuaQuickFixes {

	/** The fixes; they keep no state between calls. */
	public LuaQuickFixes() {
	}

	/**
	 * Fixes for one finding of the linter (1-based line and column, as {@link LintIssue} has them)
	 * in {@code document}, which must be the text that was linted. {@code project} may be null:
	 * fixes that edit {@code .luacheckrc} are then left out.
	 */
	public List<QuickFix> fixes(LuaDocument document, LuaProject project, LintIssue issue) {
		List<QuickFix> fixes = new ArrayList<>();
		if (document == null || issue == null || LintIssue.SYNTAX.equals(issue.code()) || document.chunk() == null) {
			return fixes;
		}
		FixSite site = new FixSite(document, project, issue);
		switch (issue.code()) {
		case "global-write" -> add(fixes, MakeLocalFix.of(site));
		case "callback-captures-owner" -> add(fixes, OwnParameterFix.of(site));
		case "removed-api" -> add(fixes, TimerObjectFix.of(site));
		default -> {
			// only the general fixes below
		}
		}
		if (issue.code().equals("global-write") || issue.code().equals("global-read")) {
			add(fixes, LuacheckGlobalsFix.of(site));
		}
		add(fixes, SuppressFix.of(site));
		return fixes;
	}

	private static void add(List<QuickFix> fixes, Optional<QuickFix> fix) {
		fix.ifPresent(fixes::add);
	}
}
