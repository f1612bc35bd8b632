package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.firmware.FirmwareConstant;
import pearl.lua.firmware.FirmwareField;
import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectEvent;
import pearl.lua.firmware.ObjectType;
import pearl.lua.firmware.Parameter;
import pearl.lua.ide.completion.CompletionProposal.Kind;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.TextRange;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/** One completion request: reads the caret's context and collects the proposals that fit it. */
final class CompletionRun {

	// sort ranks, best first
	private static final String FIRST = "0", LOCAL = "1", UPVALUE = "2", GLOBAL = "3", FIRMWARE = "4", DEPRECATED = "5", KEYWORD = "6",
			SNIPPET = "7";

	/** Keywords that may start or continue an expression (where a statement may not start). */
	private static final Set<String> EXPRESSION_KEYWORDS = Set.of("function", "nil", "true", "false", "not");

	private final LuaDocument document;
	private final LuaProject project;
	private final int caret;
	private final FirmwareModel firmware;
	private final VisibleLocals locals;
	private final List<CompletionProposal> out = new ArrayList<>();
	private CaretContext context;
	private TextRange replace;

	CompletionRun(LuaDocument document, LuaProject project, int caret) {
		this.document = document;
		this.project = project;
		this.caret = caret;
		this.firmware = document.firmware();
		this.locals = new VisibleLocals(document, caret);
	}

	List<CompletionProposal> proposals() {
		context = CaretContext.at(document.text(), scanStart(), caret);
		replace = new TextRange(context.wordStart(), caret - context.wordStart());
		switch (context.position()) {
		case NAME -> names();
		case MEMBER -> members(ReceiverValue.of(context.receiver(), document, locals));
		case METHOD -> methods(ReceiverValue.of(context.receiver(), document, locals));
		case EVENT -> events(ReceiverValue.of(context.receiver(), document, locals));
		case NONE -> {
			// nothing fits in a comment, a string or a number
		}
		}
		return out;
	}

	/** How far back to read tokens: enough for any receiver expression worth completing after. */
	private static final int LOOK_BACK = 4000;

	/** A token boundary about {@link #LOOK_BACK} characters before the caret, from the parser's tokens. */
	private int scanStart() {
		INode root = document.rootNode();
		if (root == null || caret <= LOOK_BACK) {
			return 0;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, caret - LOOK_BACK);
		// the parser lexed the same text before the caret, so its tokens start where a scan would
		return leaf == null ? 0 : leaf.getTotalOffset();
	}

	private boolean matches(String label) {
		return label.startsWith(context.prefix());
	}

	private void add(String label, Kind kind, String rank, String detail, String documentation, String insertText, boolean snippet) {
		if (matches(label)) {
			out.add(new CompletionProposal(label, kind, detail, documentation == null ? "" : documentation, insertText, snippet, replace,
					rank + label));
		}
	}

	private void addFunction(String name, Kind kind, String detail, FirmwareFunction function, List<Parameter> params) {
		if (matches(name)) {
			FirmwareText.Insert insert = FirmwareText.call(name, params, function.isVararg(), parenthesisFollows());
			add(name, kind, function.deprecated().isPresent() ? DEPRECATED : FIRMWARE, detail, FirmwareText.documentation(function), insert.text(),
					insert.snippet());
		}
	}

	// --- names ---

	private void names() {
		if (context.afterLocal()) {
			add("function", Kind.KEYWORD, KEYWORD, "local function", "", "function", false);
			return;
		}
		localNames();
		projectGlobals();
		firmwareGlobals();
		keywords();
		if (context.statementStart()) {
			snippets();
		}
	}

	private void localNames() {
		for (LocalVariable local : locals.matching(this::matches)) {
			boolean upvalue = locals.isUpvalue(local);
			boolean parameter = local.kind() == LocalVariable.Kind.PARAMETER || local.kind() == LocalVariable.Kind.SELF;
			Kind kind = upvalue ? Kind.UPVALUE : parameter ? Kind.PARAMETER : Kind.LOCAL;
			String word = upvalue ? "upvalue" : parameter ? "parameter" : local.kind() == LocalVariable.Kind.LOCAL_FUNCTION ? "local function" : "local";
			String type = document.queries().objectTypeOf(local).map(t -> ": " + t.name()).orElse("");
			String line = document.declarationRange(local).map(r -> "Declared on line " + document.lines().line(r.offset()) + ".").orElse("");
			add(local.name(), kind, upvalue ? UPVALUE : LOCAL, word + " " + local.name() + type, line, local.name(), false);
		}
	}

	/** Globals assigned in this file or any other of the project, with the files that set them. */
	private void projectGlobals() {
		Map<String, List<String>> files = new TreeMap<>();
		collectGlobals(document, files);
		if (project != null) {
			for (LuaDocument other : project.documents()) {
				if (!sameFile(other, document)) {
					collectGlobals(other, files);
				}
			}
		}
		files.forEach((name, where) -> {
			if (locals.named(name).isEmpty()) {
				add(name, Kind.GLOBAL, GLOBAL, "global " + name, "Set in " + String.join(", ", where) + ".", name, false);
			}
		});
	}

	private void collectGlobals(LuaDocument source, Map<String, List<String>> files) {
		String file = project == null ? fileName(source) : project.relativeName(source.fileName());
		for (NameUse use : source.scopes().globalUses()) {
			if (use.access() == NameUse.Access.WRITE && use.name() != null && matches(use.name())) {
				List<String> where = files.computeIfAbsent(use.name(), n -> new ArrayList<>());
				if (!where.contains(file)) {
					where.add(file);
				}
			}
		}
	}

	private boolean sameFile(LuaDocument a, LuaDocument b) {
		return project.relativeName(a.fileName()).equals(project.relativeName(b.fileName()));
	}

	private static String fileName(LuaDocument source) {
		String name = source.fileName().replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}

	private void firmwareGlobals() {
		firmware.globalFunctions().forEach((name, function) -> {
			if (locals.named(name).isEmpty()) {
				addFunction(name, Kind.FUNCTION, FirmwareText.detail(function), function, function.params());
			}
		});
		firmware.globalValues().forEach((name, value) -> add(name, Kind.FIELD, FIRMWARE, name + ": " + value.type(), value.doc(), name, false));
		firmware.libraries().forEach((name, library) -> add(name, Kind.MODULE, FIRMWARE, "library " + name, library.doc(), name, false));
		for (String name : firmware.modulesInBuild()) {
			String doc = firmware.module(name).map(FirmwareTable::doc).orElse("");
			add(name, Kind.MODULE, FIRMWARE, "module " + name, doc, name, false);
		}
	}

	private void keywords() {
		for (String keyword : LuaTokens.KEYWORDS) {
			if (context.statementStart() || EXPRESSION_KEYWORDS.contains(keyword)) {
				add(keyword, Kind.KEYWORD, KEYWORD, "keyword", "", keyword, false);
			}
		}
	}

	private void snippets() {
		boolean topLevel = locals.functionAtCaret() == null;
		// a file with no code yet, like a new init.lua, gets its safe start first
		boolean emptyFile = document.chunk() == null || document.chunk().getBlock() == null
				|| document.chunk().getBlock().getStatements().isEmpty() && document.chunk().getBlock().getLast() == null;
		String indent = indentOfCaretLine();
		for (NodeMcuSnippets.Snippet snippet : NodeMcuSnippets.available(firmware)) {
			if (snippet.topLevelOnly() && !topLevel) {
				continue;
			}
			String rank = snippet.topLevelOnly() && emptyFile ? FIRST : SNIPPET;
			add(snippet.label(), Kind.SNIPPET, rank, snippet.detail(), snippet.documentation(), snippet.body().replace("\n", "\n" + indent), true);
		}
	}

	private String indentOfCaretLine() {
		String text = document.text();
		int start = text.lastIndexOf('\n', caret - 1) + 1;
		int end = start;
		while (end < caret && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
			end++;
		}
		return text.substring(start, end);
	}

	// --- after a dot, a colon, in :on(" ---

	private void members(ReceiverValue receiver) {
		if (!(receiver instanceof ReceiverValue.Path path)) {
			return;
		}
		LookupResult found;
		try {
			found = firmware.lookup(path.path());
		} catch (IllegalArgumentException e) {
			return;
		}
		if (!(found instanceof LookupResult.Table table)) {
			return; // not in the build, undescribed, or not a table
		}
		FirmwareTable members = table.table();
		members.functions().forEach((name, function) -> addFunction(name, Kind.FUNCTION, FirmwareText.detail(function), function, function.params()));
		members.constants().forEach((name, constant) -> add(name, Kind.CONSTANT, FIRMWARE, constantDetail(constant), constant.doc(), name, false));
		members.fields().forEach((name, field) -> add(name, Kind.FIELD, FIRMWARE, fieldDetail(field), field.doc(), name, false));
		members.tables().forEach((name, sub) -> add(name, Kind.MODULE, FIRMWARE, sub.path(), sub.doc(), name, false));
	}

	private static String constantDetail(FirmwareConstant constant) {
		return constant.path() + (constant.hasValue() ? " = " + constant.value() : "");
	}

	private static String fieldDetail(FirmwareField field) {
		return field.path() + ": " + field.type();
	}

	private void methods(ReceiverValue receiver) {
		if (receiver instanceof ReceiverValue.FirmwareObject object) {
			object.type().methods().forEach((name, method) -> addFunction(name, Kind.METHOD, FirmwareText.detail(method), method, method.params()));
		} else if (receiver instanceof ReceiverValue.Text) {
			Optional<FirmwareTable> strings = ReceiverValue.stringLibrary(firmware);
			strings.ifPresent(library -> library.functions().forEach((name, function) -> {
				// a method of strings takes the string first: s:sub(i) is string.sub(s, i)
				List<Parameter> params = function.params();
				if (!params.isEmpty() && params.get(0).type().equals("string")) {
					addFunction(name, Kind.METHOD, FirmwareText.methodDetail("string", function), function, params.subList(1, params.size()));
				}
			}));
		}
	}

	private void events(ReceiverValue receiver) {
		if (!(receiver instanceof ReceiverValue.FirmwareObject object)) {
			return;
		}
		ObjectType type = object.type();
		for (ObjectEvent event : type.events().values()) {
			String label = context.quoteEvent() ? "\"" + event.name() + "\"" : event.name();
			add(label, Kind.EVENT, FIRMWARE, type.name() + " event: function(" + String.join(", ", event.params()) + ")", event.doc(), label, false);
		}
	}

	/** Whether a {@code (} follows the word at the caret, so that a call need not be inserted. */
	private boolean parenthesisFollows() {
		String text = document.text();
		int i = caret;
		while (i < text.length() && LuaTokens.isNamePart(text.charAt(i))) {
			i++;
		}
		return i < text.length() && text.charAt(i) == '(';
	}
}
