package pearl.lua.ui.assist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

import pearl.lua.ide.completion.CompletionProposal;
import pearl.lua.ide.completion.LuaCompletions;
import pearl.lua.ui.LuaAnalysis;
import pearl.lua.ui.templates.LuaTemplateAssistProcessor;

/**
 * Content assist (Ctrl+Space, and by itself after {@code .} and {@code :}): the proposals of the
 * headless {@link LuaCompletions} for the text as it is at the caret, in the services' order, then
 * the user's NodeMCU templates (Lua &gt; Templates) where a statement may start.
 */
public final class LuaCompletionProcessor implements IContentAssistProcessor {

	private static final char[] ACTIVATION = { '.', ':' };

	private final LuaCompletions completions = new LuaCompletions();
	private final LuaTemplateAssistProcessor templates = new LuaTemplateAssistProcessor();
	private final Function<String, LuaAnalysis> analyse;
	private String error;

	/** A processor that gets the document and project of a text from {@code analyse}. */
	public LuaCompletionProcessor(Function<String, LuaAnalysis> analyse) {
		this.analyse = analyse;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		LuaAnalysis now = analyse.apply(viewer.getDocument().get());
		List<CompletionProposal> found = completions.complete(now.document(), now.project(), offset);
		List<ICompletionProposal> proposals = new ArrayList<>();
		found.forEach(proposal -> proposals.add(new LuaCompletionProposal(proposal)));
		if (!afterMemberAccess(viewer.getDocument().get(), offset)) {
			// the list is computed off the UI thread; Eclipse's template processor reads the widget's selection
			viewer.getTextWidget().getDisplay().syncExec(() -> proposals.addAll(Arrays.asList(templates.computeCompletionProposals(viewer, offset))));
		}
		if (proposals.isEmpty()) {
			error = "No completions here";
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** Whether the word at {@code offset} follows a {@code .} or {@code :}, where a template cannot stand. */
	private static boolean afterMemberAccess(String text, int offset) {
		int start = offset;
		while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
			start--;
		}
		return start > 0 && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == ':');
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return ACTIVATION;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
