package pearl.lua.ui.assist;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension3;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.link.LinkedModeModel;
import org.eclipse.jface.text.link.LinkedModeUI;
import org.eclipse.jface.text.link.LinkedPosition;
import org.eclipse.jface.text.link.LinkedPositionGroup;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

import pearl.lua.ide.completion.CompletionProposal;
import pearl.lua.ide.completion.SnippetText;
import pearl.lua.ide.completion.SnippetText.Stop;

/**
 * One proposal of the services in Eclipse's list. Filters itself as the user goes on typing, and
 * inserts a snippet as a template: Tab walks its placeholders, linked ones change together.
 */
final class LuaCompletionProposal implements ICompletionProposal, ICompletionProposalExtension2, ICompletionProposalExtension3 {

	private final CompletionProposal proposal;
	private final int replaceStart;
	private final SnippetText insert;
	private Point selection;

	LuaCompletionProposal(CompletionProposal proposal) {
		this.proposal = proposal;
		this.replaceStart = proposal.replace().offset();
		this.insert = proposal.snippet() ? SnippetText.parse(proposal.insertText())
				: new SnippetText(proposal.insertText(), java.util.List.of());
	}

	/** The service's proposal. */
	CompletionProposal proposal() {
		return proposal;
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
		IDocument document = viewer.getDocument();
		try {
			document.replace(replaceStart, offset - replaceStart, insert.text());
		} catch (BadLocationException e) {
			return; // the text changed under the list: nothing sensible to insert
		}
		selection = new Point(replaceStart + insert.text().length(), 0);
		if (!insert.stops().isEmpty()) {
			link(viewer);
		}
	}

	/** Enters linked mode over the snippet's placeholders, Tab going from one to the next. */
	private void link(ITextViewer viewer) {
		try {
			LinkedModeModel model = new LinkedModeModel();
			int sequence = 0;
			Stop last = null;
			for (Stop stop : insert.stops()) {
				if (stop.number() == 0) {
					last = stop;
					continue;
				}
				if (!insert.stops(stop.number()).get(0).equals(stop)) {
					continue; // added with the group of its first occurrence
				}
				LinkedPositionGroup group = new LinkedPositionGroup();
				for (Stop linked : insert.stops(stop.number())) {
					group.addPosition(new LinkedPosition(viewer.getDocument(), replaceStart + linked.offset(), linked.length(), sequence));
				}
				sequence++;
				model.addGroup(group);
			}
			int exit = replaceStart + (last == null ? insert.text().length() : last.offset());
			if (sequence == 0) {
				selection = new Point(exit, 0);
				return;
			}
			model.forceInstall();
			LinkedModeUI ui = new LinkedModeUI(model, viewer);
			ui.setExitPosition(viewer, exit, 0, Integer.MAX_VALUE);
			ui.enter();
			selection = ui.getSelectedRegion() == null ? null : new Point(ui.getSelectedRegion().getOffset(), ui.getSelectedRegion().getLength());
		} catch (BadLocationException e) {
			// the placeholders are inserted as plain text; the caret ends after them
		}
	}

	@Override
	public void apply(IDocument document) {
		// Eclipse calls the viewer variant (ICompletionProposalExtension2)
	}

	@Override
	public boolean validate(IDocument document, int offset, DocumentEvent event) {
		if (offset < replaceStart) {
			return false;
		}
		try {
			String typed = document.get(replaceStart, offset - replaceStart);
			return proposal.label().regionMatches(true, 0, typed, 0, typed.length());
		} catch (BadLocationException e) {
			return false;
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return selection;
	}

	@Override
	public String getAdditionalProposalInfo() {
		String detail = proposal.detail() == null ? "" : proposal.detail();
		String documentation = proposal.documentation() == null ? "" : MarkdownText.plain(proposal.documentation());
		return detail.isEmpty() ? documentation : documentation.isEmpty() ? detail : detail + "\n\n" + documentation;
	}

	@Override
	public String getDisplayString() {
		String detail = proposal.detail();
		return detail == null || detail.isEmpty() || detail.equals(proposal.label()) ? proposal.label() : proposal.label() + " - " + detail;
	}

	@Override
	public Image getImage() {
		return null; // the detail text says what a proposal is
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
	}

	@Override
	public void unselected(ITextViewer viewer) {
	}

	@Override
	public org.eclipse.jface.text.IInformationControlCreator getInformationControlCreator() {
		return null;
	}

	@Override
	public CharSequence getPrefixCompletionText(IDocument document, int completionOffset) {
		return proposal.label();
	}

	@Override
	public int getPrefixCompletionStart(IDocument document, int completionOffset) {
		return replaceStart;
	}
}
