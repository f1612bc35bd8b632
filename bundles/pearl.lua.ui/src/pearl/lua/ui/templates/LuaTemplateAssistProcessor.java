package pearl.lua.ui.templates;

import java.util.Arrays;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateCompletionProcessor;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.jface.text.templates.TemplateProposal;
import org.eclipse.swt.graphics.Image;

/**
 * Content assist proposals from the Lua templates (Lua &gt; Templates), for the editor's content
 * assistant to show beside its own. Once the user has typed part of a name, only templates whose
 * name starts with it are offered.
 */
public class LuaTemplateAssistProcessor extends TemplateCompletionProcessor {

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		ICompletionProposal[] all = super.computeCompletionProposals(viewer, offset);
		if (extractPrefix(viewer, offset).isEmpty()) {
			return all;
		}
		// the base class ranks the others lower but still lists them: noise next to the editor's own proposals
		return Arrays.stream(all).filter(p -> !(p instanceof TemplateProposal proposal) || proposal.getRelevance() > 0)
				.toArray(ICompletionProposal[]::new);
	}

	@Override
	protected Template[] getTemplates(String contextTypeId) {
		return LuaTemplates.store().getTemplates(contextTypeId);
	}

	@Override
	protected TemplateContextType getContextType(ITextViewer viewer, IRegion region) {
		return LuaTemplates.registry().getContextType(LuaTemplates.CONTEXT_TYPE);
	}

	@Override
	protected Image getImage(Template template) {
		return null;
	}
}
