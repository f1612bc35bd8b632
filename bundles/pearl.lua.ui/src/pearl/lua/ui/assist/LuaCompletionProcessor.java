package pearl.lua.ui.assist;

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

/**
 * Content assist (Ctrl+Space, and by itself after {@code .} and {@code :}): the proposals of the
 * headless {@link LuaCompletions} for the text as it is at the caret, in the services' order.
 */
public final class LuaCompletionProcessor implements IContentAssistProcessor {

	private static final char[] ACTIVATION = { '.', ':' };

	private final LuaCompletions completions = new LuaCompletions();
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
		if (found.isEmpty()) {
			error = "No completions here";
		}
		return found.stream().map(proposal -> new LuaCompletionProposal(proposal)).toArray(ICompletionProposal[]::new);
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
