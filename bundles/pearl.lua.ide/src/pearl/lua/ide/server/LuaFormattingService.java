package pearl.lua.ide.server;

import java.util.List;

import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.format.FormatOptions;
import pearl.lua.ide.format.LuaFormatter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;

/** LSP formatting of a file or a range answered by {@link LuaFormatter}, with the editor's indentation settings. */
public class LuaFormattingService extends FormattingService {

	@Inject
	private LuaWorkspaceFiles files;

	private final LuaFormatter formatter = new LuaFormatter();

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource, DocumentFormattingParams params, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		return edits(lua, files.locked(() -> formatter.format(lua, options(params.getOptions()))));
	}

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource, DocumentRangeFormattingParams params,
			CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		Positions positions = new Positions(lua.lines());
		int start = positions.offset(params.getRange().getStart());
		int end = positions.offset(params.getRange().getEnd());
		return edits(lua, files.locked(() -> formatter.format(lua, new TextRange(start, Math.max(0, end - start)), options(params.getOptions()))));
	}

	private static FormatOptions options(FormattingOptions options) {
		return options == null ? FormatOptions.defaults() : new FormatOptions(options.getTabSize(), options.isInsertSpaces());
	}

	private static List<TextEdit> edits(LuaDocument lua, List<pearl.lua.ide.model.TextEdit> edits) {
		Positions positions = new Positions(lua.lines());
		return edits.stream().map(edit -> new TextEdit(positions.range(edit.range()), edit.newText())).toList();
	}
}
