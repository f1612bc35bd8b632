package pearl.lua.ide.model;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.LuaSources;
import pearl.lua.SourceRegions;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.LintIssue;
import pearl.lua.lua.Chunk;
import pearl.lua.parser.LuaLineMap;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeModel;

/**
 * One Lua file as the language services see it: its text, its syntax tree (partial while the
 * user is typing), its scopes, and the firmware it runs on. Immutable: an edit gives a new
 * document. Offsets are character offsets into {@link #text()}.
 */
public final class LuaDocument {

	private final String fileName;
	private final String text;
	private final LuaSources.Parsed parsed;
	private final FirmwareModel firmware;
	private LuaLineMap lines;
	private LintContext queries;
	private Set<String> globalsSet;

	private LuaDocument(String fileName, String text, LuaSources.Parsed parsed, FirmwareModel firmware) {
		this.fileName = fileName;
		this.text = text;
		this.parsed = parsed;
		this.firmware = firmware;
	}

	/** Parses {@code text} as the file {@code fileName}; never throws on bad Lua. */
	public static LuaDocument parse(LuaSources sources, String fileName, String text, FirmwareModel firmware) {
		return new LuaDocument(fileName, text, sources.parse(fileName, text), firmware);
	}

	/** A document for a file parsed elsewhere (an Xtext resource the language server holds). */
	public static LuaDocument of(String fileName, String text, LuaSources.Parsed parsed, FirmwareModel firmware) {
		return new LuaDocument(fileName, text, parsed, firmware);
	}

	/**
	 * The document after replacing {@code length} characters at {@code offset}: Xtext reparses
	 * only the region the edit touches. This document must not be used afterwards, as the
	 * syntax tree is shared and updated in place.
	 */
	public LuaDocument edit(LuaSources sources, int offset, int length, String replacement) {
		LuaSources.Parsed updated = sources.update(parsed, offset, length, replacement);
		String newText = text.substring(0, offset) + replacement + text.substring(offset + length);
		return new LuaDocument(fileName, newText, updated, firmware);
	}

	/** The file's name (a path, as the editor or command line gave it). */
	public String fileName() {
		return fileName;
	}

	/** The whole text. */
	public String text() {
		return text;
	}

	/** The parse result: tree, syntax errors, scopes. */
	public LuaSources.Parsed parsed() {
		return parsed;
	}

	/** The syntax tree, or null when nothing could be parsed. */
	public Chunk chunk() {
		return parsed.chunk();
	}

	/** Locals, upvalues and globals, bound. */
	public ScopeModel scopes() {
		return parsed.scopes();
	}

	/**
	 * The globals this file assigns, in name order. When the set changes, the findings of the
	 * project's other files about these names ({@code global-read}, {@code global-write}) may change.
	 */
	public Set<String> globalsSet() {
		if (globalsSet == null) {
			Set<String> names = new TreeSet<>();
			for (NameUse use : scopes().globalUses()) {
				if (use.access() == NameUse.Access.WRITE) {
					names.add(use.name());
				}
			}
			globalsSet = Collections.unmodifiableSet(names);
		}
		return globalsSet;
	}

	/** The firmware (narrowed to the board profile) the file runs on. */
	public FirmwareModel firmware() {
		return firmware;
	}

	/** Line numbers of offsets and back. */
	public LuaLineMap lines() {
		if (lines == null) {
			lines = new LuaLineMap(text);
		}
		return lines;
	}

	/** What the linter knows of an expression: the firmware entity it names, its object type. */
	public LintContext queries() {
		if (queries == null) {
			queries = LintContext.forQueries(fileName, text, parsed, firmware);
		}
		return queries;
	}

	/** The root of the node model, or null when the parser produced none. */
	public INode rootNode() {
		return parsed.resource().getParseResult() == null ? null : parsed.resource().getParseResult().getRootNode();
	}

	/**
	 * The visible token at {@code offset}; when the caret sits just after a token (as after typing
	 * a name), that token. Comments and white space count as tokens here.
	 */
	public Optional<ILeafNode> leafAt(int offset) {
		INode root = rootNode();
		if (root == null) {
			return Optional.empty();
		}
		ILeafNode at = offset < text.length() ? NodeModelUtils.findLeafNodeAtOffset(root, offset) : null;
		if ((at == null || at.isHidden() || !isWordChar(offset)) && offset > 0) {
			ILeafNode before = NodeModelUtils.findLeafNodeAtOffset(root, offset - 1);
			if (before != null && !before.isHidden()) {
				return Optional.of(before);
			}
		}
		return Optional.ofNullable(at);
	}

	private boolean isWordChar(int offset) {
		char c = text.charAt(offset);
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/** The use of a variable (local or global) whose name is at {@code offset}. */
	public Optional<NameUse> nameUseAt(int offset) {
		for (NameUse use : scopes().uses()) {
			Optional<TextRange> range = rangeOf(use);
			if (range.isPresent() && range.get().touches(offset)) {
				return Optional.of(use);
			}
		}
		return Optional.empty();
	}

	/** The local declared by the name at {@code offset} ({@code local x}, a parameter, a loop variable). */
	public Optional<LocalVariable> localDeclaredAt(int offset) {
		return scopes().locals().stream().filter(local -> declarationRange(local).filter(r -> r.touches(offset)).isPresent())
				.findFirst();
	}

	/** Where a use's name is. */
	public Optional<TextRange> rangeOf(NameUse use) {
		return SourceRegions.of(use).map(TextRange::of);
	}

	/** Where a lint finding in this document is, as offsets (its lines and columns are 1-based). */
	public TextRange rangeOf(LintIssue issue) {
		LuaLineMap lines = lines();
		int start = lines.offset(issue.line(), issue.column());
		int end = Math.max(start, lines.offset(issue.endLine(), issue.endColumn()));
		return new TextRange(start, end - start);
	}

	/** Where an element is, without comments around it. */
	public Optional<TextRange> rangeOf(EObject element) {
		return SourceRegions.of(element).map(TextRange::of);
	}

	/** Where the name that declares a local is. */
	public Optional<TextRange> declarationRange(LocalVariable local) {
		EObject declaration = local.declaration();
		return switch (local.kind()) {
		case LOCAL, FOR_VARIABLE -> SourceRegions.of(declaration, pearl.lua.lua.LuaPackage.Literals.LOCAL_NAME__NAME, -1).map(TextRange::of);
		case PARAMETER -> SourceRegions.of(declaration, pearl.lua.lua.LuaPackage.Literals.PARAMETER__NAME, -1).map(TextRange::of);
		case LOCAL_FUNCTION -> SourceRegions.of(declaration, pearl.lua.lua.LuaPackage.Literals.LOCAL_FUNCTION_DECLARATION__NAME, -1)
				.map(TextRange::of);
		case SELF -> SourceRegions.of(declaration, pearl.lua.lua.LuaPackage.Literals.FUNCTION_DECLARATION__NAME, -1).map(TextRange::of);
		};
	}

	@Override
	public String toString() {
		return fileName;
	}
}
