package pearl.lua.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, answering a request it does not know with JSON-RPC's "method not
 * found" rather than an internal error with a Java stack trace.
 */
public class LuaLanguageServerImpl extends LanguageServerImpl {

	/**
	 * Xtext needs a root when the client does not announce workspace folders: take the first
	 * folder the client sent anyway, else the folder the server was started in (where an editor
	 * opened a lone file).
	 */
	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		boolean folders = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
				&& Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getWorkspaceFolders());
		if (!folders && params.getRootUri() == null && params.getRootPath() == null) {
			List<WorkspaceFolder> sent = params.getWorkspaceFolders();
			params.setRootUri(sent != null && !sent.isEmpty() ? sent.get(0).getUri() : Path.of("").toAbsolutePath().toUri().toString());
		}
		return super.initialize(params);
	}

	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		try {
			return super.request(method, parameter);
		} catch (UnsupportedOperationException e) {
			return CompletableFuture.failedFuture(
					new ResponseErrorException(new ResponseError(ResponseErrorCode.MethodNotFound, "unknown method: " + method, null)));
		}
	}
}
