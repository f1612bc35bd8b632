package pearl.lua.ide.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
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
