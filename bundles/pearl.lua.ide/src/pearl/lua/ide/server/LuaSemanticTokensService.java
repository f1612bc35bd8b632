package pearl.lua.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import pearl.lua.ide.highlighting.HighlightedRange;
import pearl.lua.ide.highlighting.LuaSemanticHighlighter;
import pearl.lua.ide.highlighting.TokenModifier;
import pearl.lua.ide.highlighting.TokenType;
import pearl.lua.ide.model.LuaDocument;

/**
 * LSP semantic tokens answered by {@link LuaSemanticHighlighter}. Locals, upvalues and globals
 * are all LSP {@code variable}s told apart by modifiers ({@code global}, {@code upvalue},
 * {@code undeclared}), so an editor's theme styles them without knowing Lua; firmware names
 * carry {@code defaultLibrary}.
 */
public class LuaSemanticTokensService extends SemanticTokensService {

	private static final List<String> TYPES = List.of("namespace", "function", "enumMember", "parameter", "variable", "property", "method");
	private static final List<String> MODIFIERS = List.of("declaration", "modification", "readonly", "deprecated", "defaultLibrary",
			"global", "upvalue", "undeclared");

	@Inject
	private LuaWorkspaceFiles files;


	/** The token types in the order of the legend. */
	@Override
	public List<String> getTokenTypes() {
		return TYPES;
	}

	/** The token modifiers in the order of the legend. */
	@Override
	public List<String> getTokenModifiers() {
		return MODIFIERS;
	}

	@Override
	public SemanticTokens semanticTokensFull(Document document, XtextResource resource, SemanticTokensParams params, CancelIndicator cancel) {
		LuaDocument lua = files.document(resource);
		Positions positions = new Positions(lua.lines());
		// globals the project's .luacheckrc declares are not leaks
		LuaSemanticHighlighter highlighter = new LuaSemanticHighlighter(files.linter().configFor(lua.fileName()));
		List<Integer> data = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (HighlightedRange range : files.locked(() -> highlighter.highlight(lua))) {
			Position start = positions.position(range.range().offset());
			int deltaLine = start.getLine() - line;
			data.add(deltaLine);
			data.add(deltaLine == 0 ? start.getCharacter() - character : start.getCharacter());
			data.add(range.range().length());
			data.add(TYPES.indexOf(type(range.type())));
			data.add(modifiers(range));
			line = start.getLine();
			character = start.getCharacter();
		}
		return new SemanticTokens(data);
	}

	private static String type(TokenType type) {
		return switch (type) {
		case FIRMWARE_MODULE -> "namespace";
		case FIRMWARE_FUNCTION -> "function";
		case FIRMWARE_CONSTANT -> "enumMember";
		case PARAMETER -> "parameter";
		case GLOBAL, LOCAL, UPVALUE -> "variable";
		case FIELD -> "property";
		case METHOD -> "method";
		};
	}

	private static int modifiers(HighlightedRange range) {
		int bits = 0;
		for (TokenModifier modifier : range.modifiers()) {
			bits |= 1 << MODIFIERS.indexOf(switch (modifier) {
			case DECLARATION -> "declaration";
			case MODIFICATION -> "modification";
			case READONLY -> "readonly";
			case DEPRECATED -> "deprecated";
			case UNDECLARED_GLOBAL -> "undeclared";
			});
		}
		switch (range.type()) {
		case GLOBAL -> bits |= 1 << MODIFIERS.indexOf("global");
		case UPVALUE -> bits |= 1 << MODIFIERS.indexOf("upvalue");
		case FIRMWARE_MODULE, FIRMWARE_FUNCTION, FIRMWARE_CONSTANT -> bits |= 1 << MODIFIERS.indexOf("defaultLibrary");
		default -> {
		}
		}
		return bits;
	}
}
