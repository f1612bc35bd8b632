package pearl.lua.ide.server;

import java.util.List;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.completion.CompletionProposal;
import pearl.lua.ide.completion.LuaCompletions;
import pearl.lua.ide.model.LuaDocument;

/** LSP completion answered by {@link LuaCompletions}. */
public class LuaContentAssistService extends ContentAssistService {

	@Inject
	private LuaWorkspaceFiles files;

	private final LuaCompletions completions = new LuaCompletions();

	@Override
	public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		Positions positions = new Positions(lua.lines());
		List<CompletionProposal> proposals = files.locked(() -> completions.complete(lua, files.project(resource), positions.offset(params.getPosition())));
		CompletionList list = new CompletionList();
		list.setIsIncomplete(false);
		for (CompletionProposal proposal : proposals) {
			CompletionItem item = new CompletionItem(proposal.label());
			item.setKind(kind(proposal.kind()));
			item.setDetail(proposal.detail());
			if (proposal.documentation() != null && !proposal.documentation().isEmpty()) {
				item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, proposal.documentation()));
			}
			item.setInsertTextFormat(proposal.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
			item.setTextEdit(Either.forLeft(new TextEdit(positions.range(proposal.replace()), proposal.insertText())));
			item.setSortText(proposal.sortText());
			list.getItems().add(item);
		}
		return list;
	}

	private static CompletionItemKind kind(CompletionProposal.Kind kind) {
		return switch (kind) {
		case KEYWORD -> CompletionItemKind.Keyword;
		case LOCAL, UPVALUE, PARAMETER, GLOBAL -> CompletionItemKind.Variable;
		case MODULE -> CompletionItemKind.Module;
		case FUNCTION -> CompletionItemKind.Function;
		case METHOD -> CompletionItemKind.Method;
		case FIELD -> CompletionItemKind.Field;
		case CONSTANT -> CompletionItemKind.Constant;
		case EVENT -> CompletionItemKind.Event;
		case SNIPPET -> CompletionItemKind.Snippet;
		};
	}
}
