package pearl.lua.ui;

import java.util.List;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.lint.LintIssue;

/**
 * What the reconciler last learned about an editor's text: the document, the project it was
 * resolved in, and its lint findings. The outline, folding, semantic colours and quick fixes all
 * read the same one, so they never disagree about which text they describe.
 *
 * @param document the text as parsed
 * @param project  the project, with this document in it
 * @param issues   the lint findings; empty when the text was analysed for a keystroke and not linted
 */
public record LuaAnalysis(LuaDocument document, LuaProject project, List<LintIssue> issues) {

	public LuaAnalysis {
		issues = List.copyOf(issues);
	}
}
