package pearl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;

import pearl.lua.ide.server.InProcessServer;
import pearl.lua.ide.server.LuaServerSettings;

/**
 * {@code pearl lsp --bench FILE}: the language server's latency as an editor feels it, over a
 * real LSP stream in one process. Opens FILE (its folder is the project), then types and deletes
 * one character in its middle again and again, timing each edit until the new diagnostics
 * arrive; then times completion requests at a module's dot, at a method's colon and on a name.
 * Prints figures; asserts nothing.
 */
final class LspBenchmark {

	private static final int EDITS = 200;
	private static final int REQUESTS = 200;

	private final Console console;

	LspBenchmark(Console console) {
		this.console = console;
	}

	int run(Path file, LuaServerSettings settings) throws IOException, InterruptedException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		String uri = file.toAbsolutePath().toUri().toString();
		try (InProcessServer connection = InProcessServer.start(settings)) {
			LanguageServer remote = connection.server();
			InitializeParams init = new InitializeParams();
			init.setWorkspaceFolders(List.of(new WorkspaceFolder(file.toAbsolutePath().getParent().toUri().toString(), "bench")));
			init.setCapabilities(new ClientCapabilities());
			remote.initialize(init).get(60, TimeUnit.SECONDS);
			remote.initialized(new InitializedParams());
			remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "lua", 1, text)));
			awaitDiagnostics(connection, uri);
			console.out().printf(Locale.ROOT, "file: %s, %d lines%n", file, text.lines().count());
			edits(remote, connection, uri, text);
			completions(remote, uri, text);
		} catch (Exception e) {
			console.err().println("pearl lsp --bench: " + e);
			return 1;
		}
		return 0;
	}

	private void edits(LanguageServer remote, InProcessServer connection, String uri, String text) throws Exception {
		int line = (int) (text.lines().count() / 2);
		double[] millis = new double[EDITS];
		for (int i = 0; i < EDITS; i++) {
			boolean insert = i % 2 == 0;
			TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
					new Range(new Position(line, 0), new Position(line, insert ? 0 : 1)), insert ? " " : "");
			connection.diagnostics().clear();
			long start = System.nanoTime();
			remote.getTextDocumentService()
					.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2), List.of(change)));
			awaitDiagnostics(connection, uri);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		report("diagnostics after a one-character edit (edit sent to diagnostics received)", millis);
	}

	private void completions(LanguageServer remote, String uri, String text) throws Exception {
		for (String[] place : new String[][] { { "tmr.", "after 'tmr.'" }, { ":alarm", "after a timer's ':'" }, { "print(", "on a name prefix" } }) {
			int at = text.indexOf(place[0], text.length() / 2);
			if (at < 0) {
				console.out().println("completion " + place[1] + ": not measured (no '" + place[0] + "' in the second half of the file)");
				continue;
			}
			int offset = place[0].equals("print(") ? at + 3 : at + 1 + (place[0].startsWith(":") ? 0 : 3);
			Position position = position(text, offset);
			double[] millis = new double[REQUESTS];
			int items = 0;
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				var result = remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), position))
						.get(30, TimeUnit.SECONDS);
				millis[i] = (System.nanoTime() - start) / 1e6;
				items = result.isLeft() ? result.getLeft().size() : result.getRight().getItems().size();
			}
			report("completion " + place[1] + " (" + items + " items)", millis);
		}
	}

	private static Position position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}

	private static void awaitDiagnostics(InProcessServer connection, String uri) throws InterruptedException {
		while (true) {
			PublishDiagnosticsParams params = connection.diagnostics().poll(60, TimeUnit.SECONDS);
			if (params == null) {
				throw new IllegalStateException("no diagnostics within 60 s");
			}
			if (params.getUri().equals(uri)) {
				return;
			}
		}
	}

	private void report(String what, double[] millis) {
		double[] warm = Arrays.copyOfRange(millis, millis.length / 4, millis.length); // the first quarter warms the JVM
		Arrays.sort(warm);
		console.out().printf(Locale.ROOT, "%s, %d runs after %d warm-up:%n  median %.1f ms, 90th percentile %.1f ms, max %.1f ms%n", what,
				warm.length, millis.length - warm.length, warm[warm.length / 2], warm[(int) (warm.length * 0.9)], warm[warm.length - 1]);
	}
}
