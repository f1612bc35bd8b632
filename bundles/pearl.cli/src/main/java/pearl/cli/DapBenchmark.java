package pearl.cli;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

import pearl.debug.DebugServers;
import pearl.debug.PearlDebugServer;

/**
 * {@code pearl dap --bench}: the debug adapter's speed as a client feels it, over a real DAP
 * connection on loopback. Times {@code next} requests (request sent to {@code stopped} received)
 * in a busy timer callback, and the wall time of a CPU-bound run with no breakpoints, with ten
 * breakpoints in code that never runs, and with ten in the busy function itself (none hit).
 * Prints figures; asserts nothing.
 */
final class DapBenchmark {

    private static final int STEPS = 300;
    private static final int RUNS = 5;
    /**
     * The benchmark project: lines 3-12 are in a function never called; the busy function's loop
     * body starts on line 18 and holds ten branches never taken, whose bodies are lines 20, 23, ... 47.
     */
    private static final String PROJECT = project();
    private static final int[] COLD = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
    private static final int[] HOT = { 20, 23, 26, 29, 32, 35, 38, 41, 44, 47 };
    private static final int LOOP_LINE = 18;

    private static String project() {
        StringBuilder lua = new StringBuilder("local function never(x)\n  if x then\n");
        for (char c = 'a'; c <= 'j'; c++) {
            lua.append("    print(\"").append(c).append("\")\n");
        }
        lua.append("  end\nend\nlocal total = 0\nlocal function work()\n  for i = 1, 300 do\n    total = total + i % 7\n");
        for (int k = 1; k <= 10; k++) {
            lua.append("    if i < -").append(k).append(" then\n      print(\"never ").append(k).append("\")\n    end\n");
        }
        lua.append("  end\nend\ntmr.create():alarm(20, tmr.ALARM_AUTO, function() work() end)\n");
        return lua.toString();
    }

    private final Console console;

    DapBenchmark(Console console) {
        this.console = console;
    }

    int run() throws IOException, InterruptedException {
        // each session's end closes its socket, which lsp4j reports at length
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc").setLevel(java.util.logging.Level.WARNING);
        Path project = Files.createTempDirectory("pearl-dap-bench");
        Path init = project.resolve("init.lua");
        Files.writeString(init, PROJECT);
        // warm up the JIT on both paths first
        for (int[] lines : new int[][] { new int[0], COLD, HOT }) {
            runFor(project, init, lines, "120s");
        }
        double[] none = new double[RUNS];
        double[] cold = new double[RUNS];
        double[] hot = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            none[i] = runFor(project, init, new int[0], "600s");
            cold[i] = runFor(project, init, COLD, "600s");
            hot[i] = runFor(project, init, HOT, "600s");
        }
        double base = median(none);
        console.out().printf(Locale.ROOT, "run of 600 s virtual (busy 300-iteration callback every 20 ms), median of %d:%n", RUNS);
        console.out().printf(Locale.ROOT, "  no breakpoints:                        %7.3f s%n", base);
        console.out().printf(Locale.ROOT, "  10 breakpoints in code never run:      %7.3f s  (%.2fx)%n", median(cold), median(cold) / base);
        console.out().printf(Locale.ROOT, "  10 breakpoints in the busy function:   %7.3f s  (%.2fx)%n", median(hot), median(hot) / base);
        double[] steps = steps(project, init);
        Arrays.sort(steps);
        console.out().printf(Locale.ROOT, "next (step over) round trip, %d steps: median %.3f ms, p90 %.3f ms, max %.3f ms%n", STEPS,
                steps[steps.length / 2], steps[steps.length * 9 / 10], steps[steps.length - 1]);
        console.out().flush();
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Wall seconds from configurationDone to terminated. */
    private double runFor(Path project, Path init, int[] lines, String span) throws IOException, InterruptedException {
        try (Session s = new Session(project, span)) {
            s.breakpoints(init, lines);
            long start = System.nanoTime();
            s.server.configurationDone(new ConfigurationDoneArguments()).join();
            s.terminated.get(10, TimeUnit.MINUTES);
            return (System.nanoTime() - start) / 1e9;
        } catch (Exception e) {
            throw new IOException("the benchmark run failed: " + e, e);
        }
    }

    /** Milliseconds of each next request, from sending it to the stopped event. */
    private double[] steps(Path project, Path init) throws IOException, InterruptedException {
        try (Session s = new Session(project, "1h")) {
            s.breakpoints(init, new int[] { LOOP_LINE });
            s.server.configurationDone(new ConfigurationDoneArguments()).join();
            s.stops.poll(60, TimeUnit.SECONDS);
            s.breakpoints(init, new int[0]);
            double[] ms = new double[STEPS];
            NextArguments next = new NextArguments();
            next.setThreadId(PearlDebugServer.BOARD_THREAD);
            for (int i = 0; i < STEPS; i++) {
                long start = System.nanoTime();
                s.server.next(next).join();
                if (s.stops.poll(60, TimeUnit.SECONDS) == null) {
                    throw new IOException("step " + i + " did not stop");
                }
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            ContinueArguments cont = new ContinueArguments();
            cont.setThreadId(PearlDebugServer.BOARD_THREAD);
            s.server.continue_(cont).join();
            return ms;
        }
    }

    /** One debug session with a launched board, over loopback. */
    private static final class Session implements AutoCloseable {
        final BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> terminated = new CompletableFuture<>();
        final IDebugProtocolServer server;
        final Socket socket;

        Session(Path project, String span) throws IOException {
            socket = DebugServers.connectInProcess(new PearlDebugServer());
            Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {
                @Override
                public void stopped(StoppedEventArguments args) {
                    stops.add(args);
                }

                @Override
                public void terminated(TerminatedEventArguments args) {
                    terminated.complete(null);
                }
            }, socket.getInputStream(), socket.getOutputStream());
            launcher.startListening();
            server = launcher.getRemoteProxy();
            server.initialize(new InitializeRequestArguments()).join();
            Map<String, Object> args = new HashMap<>();
            args.put("project", project.toString());
            args.put("for", span);
            args.put("realtime", false);
            server.launch(args).join();
        }

        void breakpoints(Path file, int[] lines) {
            SetBreakpointsArguments args = new SetBreakpointsArguments();
            Source source = new Source();
            source.setPath(file.toString());
            args.setSource(source);
            args.setBreakpoints(Arrays.stream(lines).mapToObj(l -> {
                SourceBreakpoint b = new SourceBreakpoint();
                b.setLine(l);
                return b;
            }).toArray(SourceBreakpoint[]::new));
            server.setBreakpoints(args).join();
        }

        @Override
        public void close() throws IOException {
            try {
                server.disconnect(new DisconnectArguments()).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone already
            }
            socket.close();
        }
    }
}
