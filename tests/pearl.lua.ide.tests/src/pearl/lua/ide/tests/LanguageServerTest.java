package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pearl's language server as an LSP editor uses it, over a real LSP stream: a two-file NodeMCU
 * project on disk, one file open.
 */
class LanguageServerTest {

	@TempDir
	Path root;

	private LspSession session;
	private TextDocumentService documents;
	private String appUri;
	private String initUri;

	@BeforeEach
	void open() throws Exception {
		Files.writeString(root.resolve("init.lua"), HoverNavProject.INIT);
		Files.writeString(root.resolve("app.lua"), HoverNavProject.APP);
		session = LspSession.start(root);
		documents = session.server().getTextDocumentService();
		appUri = session.open(root.resolve("app.lua"), HoverNavProject.APP);
		initUri = root.resolve("init.lua").toUri().toString();
	}

	@AfterEach
	void close() throws Exception {
		session.close();
	}

	private static TextDocumentIdentifier id(String uri) {
		return new TextDocumentIdentifier(uri);
	}

	/** The 0-based position of the {@code n}th occurrence of {@code word} in {@code text}, plus {@code shift} characters. */
	private static Position at(String text, String word, int n, int shift) {
		int offset = -1;
		for (int i = 0; i < n; i++) {
			offset = text.indexOf(word, offset + 1);
		}
		offset += shift;
		int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
		return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
	}

	private static List<String> codes(List<Diagnostic> diagnostics) {
		return diagnostics.stream().map(d -> d.getCode().getLeft()).toList();
	}

	@Test
	void announcesWhatItServes() {
		ServerCapabilities capabilities = session.initializeResult().getCapabilities();
		assertTrue(capabilities.getCompletionProvider().getTriggerCharacters().containsAll(List.of(".", ":")));
		assertTrue(capabilities.getHoverProvider().getLeft());
		assertTrue(capabilities.getDefinitionProvider().getLeft());
		assertTrue(capabilities.getReferencesProvider().getLeft());
		assertTrue(capabilities.getDocumentSymbolProvider().getLeft());
		assertTrue(capabilities.getCodeActionProvider().getLeft());
		assertTrue(capabilities.getDocumentFormattingProvider().getLeft());
		assertTrue(capabilities.getFoldingRangeProvider().getLeft());
		SemanticTokensLegend legend = capabilities.getSemanticTokensProvider().getLegend();
		assertTrue(legend.getTokenModifiers().contains("undeclared"), legend.toString());
	}

	@Test
	void diagnosticsCarryLintCodesKnowTheProjectAndFollowEdits() throws Exception {
		List<Diagnostic> diagnostics = session.nextDiagnostics(appUri).getDiagnostics();
		// lastHeap leaks; config is set by init.lua, so reading it here is fine
		assertTrue(codes(diagnostics).contains("global-write"), diagnostics.toString());
		assertTrue(diagnostics.stream().noneMatch(d -> d.getMessage().getLeft().contains("'config'")), diagnostics.toString());
		Diagnostic leak = diagnostics.stream().filter(d -> d.getCode().getLeft().equals("global-write")).findFirst().orElseThrow();
		assertEquals(at(HoverNavProject.APP, "lastHeap", 1, 0), leak.getRange().getStart());

		Position insert = at(HoverNavProject.APP, "lastHeap", 1, 0);
		documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(appUri, 2),
				List.of(new TextDocumentContentChangeEvent(new org.eclipse.lsp4j.Range(insert, insert), "local "))));
		session.awaitDiagnostics(appUri, after -> !codes(after).contains("global-write"));
	}

	@Test
	void aGlobalNoFileSetsAnyMoreIsReportedWhereItIsRead() throws Exception {
		assertFalse(session.nextDiagnostics(appUri).getDiagnostics().stream().anyMatch(d -> d.getMessage().getLeft().contains("'config'")));
		session.open(root.resolve("init.lua"), HoverNavProject.INIT);
		session.nextDiagnostics(initUri);
		// the user deletes the line of init.lua that sets config; app.lua, untouched, now reads an unset global
		int line = at(HoverNavProject.INIT, "config = ", 1, 0).getLine();
		documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(initUri, 2),
				List.of(new TextDocumentContentChangeEvent(new org.eclipse.lsp4j.Range(new Position(line, 0), new Position(line + 1, 0)), ""))));
		session.awaitDiagnostics(appUri,
				app -> app.stream().anyMatch(d -> d.getCode().getLeft().equals("global-read") && d.getMessage().getLeft().contains("'config'")));
	}

	@Test
	void completesFirmwareMembersAndHoversTheirDocs() throws Exception {
		List<CompletionItem> items = documents
				.completion(new CompletionParams(id(appUri), at(HoverNavProject.APP, "node.heap", 1, "node.".length()))).get(30, TimeUnit.SECONDS)
				.getRight().getItems();
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("heap") && i.getDetail() != null), items.toString());
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("restart")), items.toString());

		Hover hover = documents.hover(new HoverParams(id(appUri), at(HoverNavProject.APP, "node.heap", 1, 6))).get(30, TimeUnit.SECONDS);
		assertTrue(hover.getContents().getRight().getValue().contains("heap"), hover.toString());
	}

	@Test
	void navigatesAcrossTheProjectsFiles() throws Exception {
		List<? extends Location> config = documents
				.definition(new DefinitionParams(id(appUri), at(HoverNavProject.APP, "config", 1, 1))).get(30, TimeUnit.SECONDS).getLeft();
		assertEquals(1, config.size(), config.toString());
		assertEquals(initUri, config.get(0).getUri());
		assertEquals(1, config.get(0).getRange().getStart().getLine());

		List<? extends Location> count = documents.references(new ReferenceParams(id(appUri), at(HoverNavProject.APP, "count", 1, 1),
				new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
		assertEquals(4, count.size(), count.toString()); // declared, read in report, read and set in the timer
	}

	@Test
	void outlinesHighlightsAndFolds() throws Exception {
		List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> symbols = documents
				.documentSymbol(new DocumentSymbolParams(id(appUri))).get(30, TimeUnit.SECONDS);
		List<String> names = symbols.stream().map(s -> s.getRight().getName()).toList();
		assertTrue(names.contains("M") && names.contains("report"), names.toString());

		SemanticTokens tokens = documents.semanticTokensFull(new SemanticTokensParams(id(appUri))).get(30, TimeUnit.SECONDS);
		List<String> modifiers = session.initializeResult().getCapabilities().getSemanticTokensProvider().getLegend().getTokenModifiers();
		Position leak = at(HoverNavProject.APP, "lastHeap", 1, 0);
		assertTrue(decodeModifiersAt(tokens.getData(), leak, modifiers).contains("undeclared"), tokens.getData().toString());

		List<FoldingRange> folds = documents.foldingRange(new FoldingRangeRequestParams(id(appUri))).get(30, TimeUnit.SECONDS);
		int startLine = at(HoverNavProject.APP, "function M.start", 1, 0).getLine();
		assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == startLine && f.getEndLine() > startLine + 5), folds.toString());
	}

	/** The modifiers of the semantic token that starts at {@code position}. */
	private static List<String> decodeModifiersAt(List<Integer> data, Position position, List<String> legend) {
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			if (line == position.getLine() && character == position.getCharacter()) {
				int bits = data.get(i + 4);
				return legend.stream().filter(m -> (bits & 1 << legend.indexOf(m)) != 0).toList();
			}
		}
		return List.of();
	}

	@Test
	void formatsAndFixes() throws Exception {
		Path messy = root.resolve("messy.lua");
		String text = "local function f(x)\nif x then\nreturn x+1\nend\nend\ncount = f(1)\n";
		Files.writeString(messy, text);
		String uri = session.open(messy, text);
		List<? extends TextEdit> edits = documents.formatting(new DocumentFormattingParams(id(uri), new FormattingOptions(2, true)))
				.get(30, TimeUnit.SECONDS);
		assertEquals("local function f(x)\n  if x then\n    return x + 1\n  end\nend\ncount = f(1)\n", apply(text, edits));

		Diagnostic leak = session.nextDiagnostics(uri).getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("global-write"))
				.findFirst().orElseThrow();
		List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = documents
				.codeAction(new CodeActionParams(id(uri), leak.getRange(), new CodeActionContext(List.of(leak)))).get(30, TimeUnit.SECONDS);
		CodeAction makeLocal = actions.stream().map(Either::getRight).filter(a -> a.getTitle().contains("local")).findFirst().orElseThrow();
		assertEquals("local function f(x)\nif x then\nreturn x+1\nend\nend\nlocal count = f(1)\n",
				apply(text, makeLocal.getEdit().getChanges().get(uri)));
	}

	@Test
	void aPositionPastTheEndIsNoError() throws Exception {
		Hover hover = documents.hover(new HoverParams(id(appUri), new Position(999, 0))).get(30, TimeUnit.SECONDS);
		assertTrue(hover == null || hover.getContents() == null || hover.getContents().getRight().getValue().isEmpty(), String.valueOf(hover));
		// past the end is the end: what may be typed after the last line (a keyword, say), not an error response
		List<CompletionItem> items = documents.completion(new CompletionParams(id(appUri), new Position(999, 3))).get(30, TimeUnit.SECONDS)
				.getRight().getItems();
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("local")), items.toString());
	}

	/** Applies LSP edits (which do not overlap) to {@code text}. */
	private static String apply(String text, List<? extends TextEdit> edits) {
		StringBuilder out = new StringBuilder(text);
		edits.stream().sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
				.thenComparing(e -> e.getRange().getStart().getCharacter()).reversed()).forEach(edit -> {
					out.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
				});
		return out.toString();
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}
}
