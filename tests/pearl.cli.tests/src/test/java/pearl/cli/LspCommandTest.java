package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pearl lsp} as editors start it: a separate process speaking LSP on its standard streams. */
class LspCommandTest {

	@TempDir
	Path project;

	private static List<String> pearlLsp() {
		String jar = System.getProperty("pearl.cli.jar");
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "lsp");
	}

	/** A client no one here wrote: Neovim's built-in LSP client, run headless. */
	@Test
	void neovimGetsLintDiagnosticsCompletionAndHover() throws Exception {
		Files.writeString(project.resolve("init.lua"), """
				count = 0
				print(count)
				local t = tmr.create()
				print(node.heap())
				t:alarm(1000, tmr.ALARM_AUTO, function() count = count + 1 end)
				""");
		Path script = project.resolve("check.lua");
		try (InputStream in = LspCommandTest.class.getResourceAsStream("nvim-lsp-check.lua")) {
			Files.copy(in, script);
		}
		Path result = project.resolve("result.txt");
		ProcessBuilder nvim = new ProcessBuilder("nvim", "--headless", "-u", "NONE", "-i", "NONE", "-c", "luafile " + script);
		nvim.environment().put("PROJECT", project.toString());
		nvim.environment().put("RESULT", result.toString());
		nvim.environment().put("PEARL_LSP", String.join("\t", pearlLsp()));
		nvim.redirectErrorStream(true).redirectOutput(project.resolve("nvim.log").toFile());
		Process process = nvim.start();
		assertTrue(process.waitFor(3, TimeUnit.MINUTES), "Neovim did not finish");
		List<String> lines = Files.readAllLines(result);
		String all = String.join("\n", lines);
		assertTrue(lines.contains("diagnostics arrived true"), all);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("diagnostic global-write line 1 ") && l.contains("count")), all);
		assertTrue(lines.contains("completion create"), all);
		assertTrue(lines.contains("completion ALARM_AUTO"), all);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("hover ") && l.contains("node.heap")), all);
		assertTrue(lines.contains("done"), all);
	}

	@Test
	void malformedMessagesGetErrorResponsesAndTheServerKeepsServing() throws Exception {
		Process server = new ProcessBuilder(pearlLsp()).redirectError(project.resolve("lsp.log").toFile()).start();
		try {
			OutputStream toServer = server.getOutputStream();
			InputStream fromServer = server.getInputStream();
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
					+ project.toUri() + "\",\"capabilities\":{}}}");
			assertTrue(readUntilId(fromServer, 1).contains("\"capabilities\""));
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":42}}");
			String invalidParams = readUntilId(fromServer, 2);
			assertTrue(invalidParams.contains("\"error\""), invalidParams);
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"pearl/noSuchMethod\",\"params\":{}}");
			String unknown = readUntilId(fromServer, 3);
			assertTrue(unknown.contains("\"error\"") && unknown.contains("-32601"), unknown);
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\",\"params\":{ this is not json");
			String broken = readUntilId(fromServer, 4);
			assertTrue(broken.contains("\"error\""), broken);
			send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}");
			String shutdown = readUntilId(fromServer, 5);
			assertTrue(shutdown.contains("\"result\"") && !shutdown.contains("\"error\""), shutdown);
			send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
			assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
			assertEquals(0, server.exitValue());
		} finally {
			server.destroyForcibly();
		}
	}

	private static void send(OutputStream out, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	/** Reads messages until the response with {@code id}; notifications in between are skipped. */
	private static String readUntilId(InputStream in, int id) throws IOException {
		List<String> seen = new ArrayList<>();
		while (true) {
			String message = read(in);
			if (message == null) {
				throw new IOException("the server closed its output; saw " + seen);
			}
			if (message.contains("\"id\":" + id + ",") || message.contains("\"id\":" + id + "}") || message.contains("\"id\":\"" + id + "\"")) {
				return message;
			}
			seen.add(message);
		}
	}

	private static String read(InputStream in) throws IOException {
		int length = -1;
		StringBuilder header = new StringBuilder();
		while (true) {
			int c = in.read();
			if (c < 0) {
				return null;
			}
			header.append((char) c);
			if (header.toString().endsWith("\r\n")) {
				String line = header.toString().trim();
				header.setLength(0);
				if (line.isEmpty()) {
					break;
				}
				if (line.toLowerCase().startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).trim());
				}
			}
		}
		byte[] body = in.readNBytes(length);
		return new String(body, StandardCharsets.UTF_8);
	}
}
