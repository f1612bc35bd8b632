package pearl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.ide.server.LuaLanguageServer;
import pearl.lua.ide.server.LuaServerSettings;

/**
 * {@code pearl lsp}: the Lua language server on stdin/stdout for any LSP editor. Standard output
 * carries only the protocol: anything else the process would print goes to standard error.
 */
final class LspCommand implements Command {

	private final InputStream in;
	private final OutputStream out;

	/** Serves on the process's own standard streams. */
	LspCommand() {
		this(null, null);
	}

	/** Serves on the given streams (null: the process's). */
	LspCommand(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	@Override
	public String name() {
		return "lsp";
	}

	@Override
	public String summary() {
		return "serve completion, hover, diagnostics... to any LSP editor on stdin/stdout";
	}

	@Override
	public String usage() {
		return """
				Usage: pearl lsp [--profile FILE] [--bench LUA_FILE]

				Serves the Language Server Protocol on standard input and output: diagnostics (the lint
				codes of 'pearl lint'), completion, hover, outline, semantic highlighting, go to
				definition, references, quick fixes, formatting and folding for NodeMCU Lua.

				  --profile FILE   the board profile (firmware modules, heap) to check against
				  --bench FILE     print the server's latency on this file (its folder is the
				                   project) instead of serving: diagnostics after an edit,
				                   completion
				""";
	}

	@Override
	public int run(List<String> args, Console console) throws UsageException {
		Path profile = null;
		Path bench = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--profile") && i + 1 < args.size()) {
				profile = Path.of(args.get(++i));
			} else if (arg.equals("--bench") && i + 1 < args.size()) {
				bench = Path.of(args.get(++i));
			} else if (arg.equals("--stdio")) {
				continue; // what editors' LSP clients often add; stdio is the only transport
			} else {
				throw new UsageException("unexpected argument '" + arg + "'");
			}
		}
		LuaServerSettings settings;
		try {
			settings = profile == null ? LuaServerSettings.defaults() : LuaServerSettings.withProfile(profile);
		} catch (IOException | FirmwareDataException e) {
			console.err().println("pearl lsp: " + (profile != null && !Files.exists(profile) ? "no such profile: " + profile : e.getMessage()));
			return Main.USAGE;
		}
		if (bench != null) {
			try {
				return new LspBenchmark(console).run(bench, settings);
			} catch (IOException e) {
				console.err().println("pearl lsp: cannot read " + bench + ": " + e.getMessage());
				return Main.USAGE;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return 1;
			}
		}
		InputStream input = in != null ? in : System.in;
		OutputStream output = out != null ? out : System.out;
		PrintStream stdout = System.out;
		if (out == null) {
			System.setOut(System.err); // a stray print must not corrupt the protocol stream
		}
		try {
			LuaLanguageServer.serve(input, output, settings);
			return 0;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		} finally {
			System.setOut(stdout);
		}
	}
}
