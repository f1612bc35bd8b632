package pearl.lua.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.ide.outline.LuaOutline;
import pearl.lua.ide.outline.OutlineSymbol;

/** LSP document symbols (the outline) answered by {@link LuaOutline}. */
public class LuaOutlineService extends HierarchicalDocumentSymbolService {

	@Inject
	private LuaWorkspaceFiles files;

	private final LuaOutline outline = new LuaOutline();

	@Override
	public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		return symbols(files.locked(() -> outline.symbols(lua)), new Positions(lua.lines()));
	}

	private static List<DocumentSymbol> symbols(List<OutlineSymbol> found, Positions positions) {
		List<DocumentSymbol> symbols = new ArrayList<>(found.size());
		for (OutlineSymbol symbol : found) {
			DocumentSymbol converted = new DocumentSymbol(symbol.name(), kind(symbol.kind()), positions.range(covering(symbol)),
					positions.range(symbol.selection()), symbol.detail());
			converted.setChildren(symbols(symbol.children(), positions));
			symbols.add(converted);
		}
		return symbols;
	}

	/**
	 * The symbol's range grown to hold its children: LSP wants a child inside its parent, and a
	 * module table's {@code function M.f()} usually comes after the table's constructor.
	 */
	private static TextRange covering(OutlineSymbol symbol) {
		int start = symbol.range().offset();
		int end = symbol.range().end();
		for (OutlineSymbol child : symbol.children()) {
			TextRange inner = covering(child);
			start = Math.min(start, inner.offset());
			end = Math.max(end, inner.end());
		}
		return new TextRange(start, end - start);
	}

	private static SymbolKind kind(OutlineSymbol.Kind kind) {
		return switch (kind) {
		case FUNCTION -> SymbolKind.Function;
		case METHOD -> SymbolKind.Method;
		case LOCAL, GLOBAL -> SymbolKind.Variable;
		case MODULE -> SymbolKind.Module;
		case FIELD -> SymbolKind.Field;
		};
	}
}
