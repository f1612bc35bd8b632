package pearl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import pearl.debug.DebugServers;
import pearl.debug.PearlDebugServer;

/**
 * {@code pearl dap}: the Debug Adapter Protocol over an emulated board, for VS Code, Eclipse or any
 * DAP client; on stdin/stdout, or on a loopback TCP port.
 */
final class DapCommand implements Command {

    @Override
    public String name() {
        return "dap";
    }

    @Override
    public String summary() {
        return "step-debug a project on the emulated board over the Debug Adapter Protocol";
    }

    @Override
    public String usage() {
        return """
                Usage: pearl dap [--port N] [--bench]

                Serves the Debug Adapter Protocol on standard input and output (or, with --port, to
                the first client that connects to 127.0.0.1:N; 0 picks a free port, printed on
                stderr). The client launches a board with arguments such as
                  {"project": "DIR", "for": "10s", "seed": 1, "safeBoot": false, "realtime": false,
                   "profile": "FILE", "stopOnEntry": false}
                Without "for" the board runs until the session ends, paced to the wall clock.
                Exception filters: error, caught, memory, watchdog. Custom request:
                continueToNextTask.

                  --bench   print the adapter's speed instead of serving: the round trip of a
                            'next' request, and the cost of breakpoints that are never hit
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        int port = -1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--port") && i + 1 < args.size()) {
                port = port(args.get(++i));
            } else if (arg.equals("--bench")) {
                try {
                    return new DapBenchmark(console).run();
                } catch (java.io.IOException e) {
                    console.err().println("pearl dap: " + e.getMessage());
                    return 1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            } else if (!arg.equals("--stdio")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        return serve(new PearlDebugServer(), port, console);
    }

    /** Serves {@code server} on stdio ({@code port} -1) or TCP; the exit code. */
    static int serve(PearlDebugServer server, int port, Console console) {
        try {
            if (port >= 0) {
                DebugServers.serveOneClient(server, port,
                        p -> console.err().println("pearl dap: waiting for a DAP client on 127.0.0.1:" + p));
                return 0;
            }
            InputStream input = System.in;
            OutputStream output = System.out;
            PrintStream stdout = System.out;
            System.setOut(System.err); // a stray print must not corrupt the protocol stream
            try {
                DebugServers.serveUntilDone(server, input, output);
            } finally {
                System.setOut(stdout);
            }
            return 0;
        } catch (IOException e) {
            console.err().println("pearl dap: " + e.getMessage());
            return Main.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("a port is a number from 0 to 65535, not '" + text + "'");
        }
    }
}
