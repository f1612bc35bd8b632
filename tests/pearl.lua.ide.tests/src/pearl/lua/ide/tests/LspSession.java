package pearl.lua.ide.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;

import pearl.lua.ide.server.InProcessServer;
import pearl.lua.ide.server.LuaServerSettings;

/**
 * A language client talking to Pearl's language server over a real LSP stream, as an editor
 * would: initialized with a workspace folder and hierarchical document symbols.
 */
final class LspSession implements AutoCloseable {

	private final InProcessServer connection;
	private final InitializeResult initialized;

	private LspSession(Path root) throws Exception {
		connection = InProcessServer.start(LuaServerSettings.defaults());
		InitializeParams params = new InitializeParams();
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "project")));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		try {
			initialized = server().initialize(params).get(60, TimeUnit.SECONDS);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException error) {
				throw new AssertionError("initialize failed: " + error.getResponseError().getData(), e);
			}
			throw e;
		}
		server().initialized(new InitializedParams());
	}

	/** Starts a server whose workspace is {@code root}. */
	static LspSession start(Path root) throws Exception {
		return new LspSession(root);
	}

	LanguageServer server() {
		return connection.server();
	}

	InitializeResult initializeResult() {
		return initialized;
	}

	/** Opens a file (which should exist on disk) with {@code text}; returns its URI. */
	String open(Path file, String text) {
		String uri = file.toUri().toString();
		server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "lua", 1, text)));
		return uri;
	}

	/** The next diagnostics pushed for {@code uri} (those for other files are dropped). */
	PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
		while (true) {
			PublishDiagnosticsParams params = connection.diagnostics().poll(60, TimeUnit.SECONDS);
			if (params == null) {
				throw new AssertionError("no diagnostics for " + uri + " within 60 s");
			}
			if (params.getUri().equals(uri)) {
				return params;
			}
		}
	}

	/**
	 * Waits for diagnostics of {@code uri} that satisfy {@code expected}: the server may publish a
	 * file's diagnostics more than once (after its open and after the workspace's build), so an
	 * edit's effect is the first matching publication, not necessarily the next one.
	 */
	List<Diagnostic> awaitDiagnostics(String uri, Predicate<List<Diagnostic>> expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		List<List<Diagnostic>> seen = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			PublishDiagnosticsParams params = connection.diagnostics().poll(1, TimeUnit.SECONDS);
			if (params != null && params.getUri().equals(uri)) {
				if (expected.test(params.getDiagnostics())) {
					return params.getDiagnostics();
				}
				seen.add(params.getDiagnostics());
			}
		}
		throw new AssertionError("no diagnostics as expected for " + uri + " within 60 s; published: " + seen);
	}

	@Override
	public void close() throws IOException {
		try {
			server().shutdown().get(30, TimeUnit.SECONDS);
		} catch (Exception e) {
			// the test's outcome is decided already; closing the stream ends the server anyway
		}
		connection.close();
	}
}
