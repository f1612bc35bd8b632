package pearl.launch.model;

import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** The DAP server as the client sees it: the standard requests and Pearl's custom one. */
public interface PearlDapServer extends IDebugProtocolServer {

    /** Runs on to the first line of the next task that runs Lua code. */
    @JsonRequest
    CompletableFuture<ContinueResponse> continueToNextTask(ContinueArguments args);
}
