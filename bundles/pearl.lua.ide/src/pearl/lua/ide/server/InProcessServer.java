package pearl.lua.ide.server;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server in this process, spoken to over a real LSP stream (JSON-RPC with its
 * framing, through pipes) by a client that collects the diagnostics it pushes: for benchmarks
 * and tests that want the protocol without a second process.
 */
public final class InProcessServer implements AutoCloseable {

	private final LanguageServer remote;
	private final PipedOutputStream toServer;
	private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

	private InProcessServer(LuaServerSettings settings) throws IOException {
		toServer = new PipedOutputStream();
		PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 20);
		PipedOutputStream fromServer = new PipedOutputStream();
		PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 20);
		Thread server = new Thread(() -> {
			try {
				LuaLanguageServer.serve(serverIn, fromServer, settings);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (RuntimeException | Error e) {
				e.printStackTrace(); // the client's requests would wait for ever: say why, and hang up
			} finally {
				try {
					fromServer.close();
				} catch (IOException e) {
					// already closed
				}
			}
		}, "pearl-lsp-in-process");
		server.setDaemon(true);
		server.start();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
		launcher.startListening();
		remote = launcher.getRemoteProxy();
	}

	/** Starts a server with {@code settings}; initialize it through {@link #server()}. */
	public static InProcessServer start(LuaServerSettings settings) throws IOException {
		return new InProcessServer(settings);
	}

	/** The server, as a client calls it. */
	public LanguageServer server() {
		return remote;
	}

	/** The diagnostics the server pushed, in order; take them as they come. */
	public BlockingQueue<PublishDiagnosticsParams> diagnostics() {
		return diagnostics;
	}

	/** Ends the connection (the server's thread ends with its input). */
	@Override
	public void close() throws IOException {
		toServer.close();
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}
	}
}
