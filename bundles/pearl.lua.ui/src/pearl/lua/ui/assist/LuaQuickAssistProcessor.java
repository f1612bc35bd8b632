package pearl.lua.ui.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import pearl.lua.ide.fixes.LuaQuickFixes;
import pearl.lua.ide.fixes.QuickFix;
import pearl.lua.lint.LintIssue;
import pearl.lua.parser.LuaLineMap;
import pearl.lua.ui.LintAnnotations;
import pearl.lua.ui.LuaAnalysis;
import pearl.lua.ui.project.FileEditApplier;
import pearl.lua.ui.project.ProblemMarkers;

/**
 * Quick fix in the editor (Ctrl+1): the fixes {@link LuaQuickFixes} has for the findings at the
 * caret (or, when none covers it, on the caret's line), the preferred ones first; choosing one
 * applies it as the Problems view's Quick Fix does.
 */
public final class LuaQuickAssistProcessor implements IQuickAssistProcessor {

	private final LuaQuickFixes fixes = new LuaQuickFixes();
	private final Function<String, LuaAnalysis> analyseAndLint;

	/** A processor that gets the linted analysis of a text from {@code analyseAndLint}. */
	public LuaQuickAssistProcessor(Function<String, LuaAnalysis> analyseAndLint) {
		this.analyseAndLint = analyseAndLint;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return LintAnnotations.isLint(annotation.getType()) && (!(annotation instanceof MarkerAnnotation marker) || isLuaProblem(marker));
	}

	private static boolean isLuaProblem(MarkerAnnotation annotation) {
		try {
			return annotation.getMarker().exists() && annotation.getMarker().isSubtypeOf(ProblemMarkers.TYPE);
		} catch (CoreException e) {
			return false;
		}
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false; // fixes only: there are no refactorings offered without a finding
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IDocument document = context.getSourceViewer().getDocument();
		LuaAnalysis analysis = analyseAndLint.apply(document.get());
		LuaLineMap lines = analysis.document().lines();
		int line = lines.line(context.getOffset());
		int offset = context.getOffset();
		List<LintIssue> here = new ArrayList<>();
		List<LintIssue> onLine = new ArrayList<>();
		for (LintIssue issue : analysis.issues()) {
			if (analysis.document().rangeOf(issue).touches(offset)) {
				here.add(issue);
			} else if (issue.line() <= line && line <= issue.endLine()) {
				onLine.add(issue);
			}
		}
		List<QuickFix> found = new ArrayList<>();
		for (LintIssue issue : here.isEmpty() ? onLine : here) {
			found.addAll(fixes.fixes(analysis.document(), analysis.project(), issue));
		}
		// preferred fixes first, each title once (two findings may offer the same edit)
		List<ICompletionProposal> proposals = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		found.stream().sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).forEach(fix -> {
			if (!titles.contains(fix.title())) {
				titles.add(fix.title());
				proposals.add(new FixProposal(fix));
			}
		});
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** One fix in the quick fix list. */
	private static final class FixProposal implements ICompletionProposal {

		private final QuickFix fix;

		FixProposal(QuickFix fix) {
			this.fix = fix;
		}

		@Override
		public void apply(IDocument document) {
			try {
				FileEditApplier.apply(fix);
			} catch (CoreException e) {
				ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Quick Fix",
						"'" + fix.title() + "' could not be applied.", e.getStatus());
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return fix.lintCode() == null ? null : "Fixes the finding [" + fix.lintCode() + "]";
		}

		@Override
		public String getDisplayString() {
			return fix.title();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
