package pearl.lua.ide.highlighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import pearl.lua.SourceRegions;
import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.LintConfig;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionName;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NamedField;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * Semantic highlighting: what each name of a file is, from its scopes and the firmware's data
 * file. Locals, parameters and upvalues (a local at its uses inside a nested function) are told
 * apart; a global the file assigns that is neither the firmware's nor declared by the project is
 * an {@link TokenModifier#UNDECLARED_GLOBAL} at each of its uses, so a leaked global stands out;
 * firmware modules, functions and constants are the firmware's colour wherever they are reached
 * through a global path ({@code tmr.create}, {@code wifi.sta.config}). Keywords, strings, numbers
 * and comments are left to lexical highlighting.
 */
public final class LuaSemanticHighlighter {

	private final LintConfig config;

	/** A highlighter for a project without a {@code .luacheckrc}: only the firmware's globals are declared. */
	public LuaSemanticHighlighter() {
		this(new LintConfig());
	}

	/** A highlighter that takes the globals {@code config} declares (the project's {@code .luacheckrc}) as declared. */
	public LuaSemanticHighlighter(LintConfig config) {
		this.config = config.copy();
	}

	/** The names of {@code document}, classified; in offset order, non-overlapping; partial for a partial syntax tree. */
	public List<HighlightedRange> highlight(LuaDocument document) {
		if (document.chunk() == null) {
			return List.of();
		}
		return new Run(document).ranges();
	}

	/** One document's highlighting. */
	private final class Run {
		private final LuaDocument document;
		/** By offset; the first range found at an offset wins. */
		private final TreeMap<Integer, HighlightedRange> found = new TreeMap<>();

		Run(LuaDocument document) {
			this.document = document;
		}

		List<HighlightedRange> ranges() {
			Set<String> leaked = document.scopes().globalUses().stream()
					.filter(use -> use.access() == NameUse.Access.WRITE && !isFirmwareGlobal(use.name()) && !config.isDeclaredGlobal(use.name()))
					.map(NameUse::name).collect(Collectors.toSet());
			for (NameUse use : document.scopes().uses()) {
				add(use.owner(), use.feature(), use.index(), use.name(), use.isGlobal() ? global(use, leaked) : local(use));
			}
			for (LocalVariable local : document.scopes().locals()) {
				if (local.kind() != LocalVariable.Kind.SELF) {
					document.declarationRange(local).filter(range -> isName(range, local.name())).ifPresent(range -> add(range,
							Token.of(local.kind() == LocalVariable.Kind.PARAMETER ? TokenType.PARAMETER : TokenType.LOCAL, TokenModifier.DECLARATION)));
				}
			}
			for (EObject element : document.queries().elements()) {
				members(element);
			}
			List<HighlightedRange> ordered = new ArrayList<>();
			int end = 0;
			for (HighlightedRange range : found.values()) {
				if (range.range().offset() >= end) {
					ordered.add(range);
					end = range.range().end();
				}
			}
			return ordered;
		}

		private Token local(NameUse use) {
			LocalVariable local = use.local();
			TokenType type = use.function() != local.function() ? TokenType.UPVALUE
					: local.kind() == LocalVariable.Kind.PARAMETER || local.kind() == LocalVariable.Kind.SELF ? TokenType.PARAMETER : TokenType.LOCAL;
			return use.access() == NameUse.Access.WRITE ? Token.of(type, TokenModifier.MODIFICATION) : Token.of(type);
		}

		private Token global(NameUse use, Set<String> leaked) {
			Token token = FirmwareTokens.of(document.firmware().lookup(use.name()), document.firmware()).orElseGet(() -> Token.of(TokenType.GLOBAL));
			if (leaked.contains(use.name())) {
				token.modifiers().add(TokenModifier.UNDECLARED_GLOBAL);
			}
			if (use.access() == NameUse.Access.WRITE) {
				token.modifiers().add(TokenModifier.MODIFICATION);
			}
			return token;
		}

		private boolean isFirmwareGlobal(String name) {
			return document.firmware().lookup(name).existsOnBoard();
		}

		/** Names after {@code .} and {@code :}, keys of table constructors, names of declared functions. */
		private void members(EObject element) {
			if (element instanceof FieldAccess field && field.getName() != null) {
				Token token = document.queries().lookup(field).flatMap(result -> FirmwareTokens.of(result, document.firmware()))
						.orElseGet(() -> Token.of(TokenType.FIELD));
				if (field.eContainer() instanceof Assignment assignment && assignment.getTargets().contains(field)) {
					token.modifiers().add(TokenModifier.MODIFICATION);
				}
				add(field, LuaPackage.Literals.FIELD_ACCESS__NAME, -1, field.getName(), token);
			} else if (element instanceof MethodCall call && call.getName() != null) {
				boolean deprecated = document.queries().objectTypeOf(call.getReceiver()).flatMap(type -> type.method(call.getName()))
						.flatMap(FirmwareFunction::deprecated).isPresent();
				add(call, LuaPackage.Literals.METHOD_CALL__NAME, -1, call.getName(),
						deprecated ? Token.of(TokenType.METHOD, TokenModifier.DEPRECATED) : Token.of(TokenType.METHOD));
			} else if (element instanceof NamedField named && named.getName() != null) {
				add(named, LuaPackage.Literals.NAMED_FIELD__NAME, -1, named.getName(), Token.of(TokenType.FIELD, TokenModifier.DECLARATION));
			} else if (element instanceof FunctionName name) {
				for (int i = 1; i < name.getPath().size(); i++) {
					add(name, LuaPackage.Literals.FUNCTION_NAME__PATH, i, name.getPath().get(i), Token.of(TokenType.FIELD, TokenModifier.DECLARATION));
				}
				if (name.getMethod() != null) {
					add(name, LuaPackage.Literals.FUNCTION_NAME__METHOD, -1, name.getMethod(), Token.of(TokenType.METHOD, TokenModifier.DECLARATION));
				}
			}
		}

		private void add(EObject owner, EStructuralFeature feature, int index, String name, Token token) {
			if (name == null) {
				return;
			}
			Optional<TextRange> range = SourceRegions.of(owner, feature, index).map(TextRange::of).filter(r -> isName(r, name));
			range.ifPresent(r -> add(r, token));
		}

		private void add(TextRange range, Token token) {
			found.putIfAbsent(range.offset(), new HighlightedRange(range, token.type(), token.modifiers()));
		}

		/**
		 * Whether {@code range} holds exactly {@code name}: a broken tree's attribute can lack a
		 * node of its own, and then the whole element would be coloured.
		 */
		private boolean isName(TextRange range, String name) {
			String text = document.text();
			return range.length() == name.length() && range.end() <= text.length() && text.startsWith(name, range.offset());
		}
	}
}
