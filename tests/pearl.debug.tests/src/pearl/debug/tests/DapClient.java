package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

import pearl.debug.LaunchArguments;
import pearl.debug.PearlDebugServer;

/**
 * A DAP client (lsp4j.debug's client side) talking to a {@link PearlDebugServer} over a loopback
 * TCP connection, as an editor would; it records the events the server sends.
 */
final class DapClient implements AutoCloseable {

    /** The server's interface with Pearl's custom request. */
    interface PearlServer extends IDebugProtocolServer {
        @JsonRequest
        CompletableFuture<ContinueResponse> continueToNextTask(ContinueArguments args);
    }

    static final long TIMEOUT_S = 30;

    final BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
    final BlockingQueue<OutputEventArguments> outputs = new LinkedBlockingQueue<>();
    final StringBuffer uart = new StringBuffer();
    final StringBuffer console = new StringBuffer();
    final CompletableFuture<Integer> exited = new CompletableFuture<>();
    final CompletableFuture<Void> terminated = new CompletableFuture<>();
    final CompletableFuture<Void> initialized = new CompletableFuture<>();
    final PearlServer server;
    private final java.net.Socket socket;

    DapClient() throws IOException {
        this(new PearlDebugServer());
    }

    DapClient(PearlDebugServer adapter) throws IOException {
        socket = pearl.debug.DebugServers.connectInProcess(adapter);
        IDebugProtocolClient events = new IDebugProtocolClient() {
            @Override
            public void initialized() {
                initialized.complete(null);
            }

            @Override
            public void stopped(StoppedEventArguments args) {
                stops.add(args);
            }

            @Override
            public void output(OutputEventArguments args) {
                outputs.add(args);
                (args.getCategory().equals("stdout") ? uart : console).append(args.getOutput());
            }

            @Override
            public void exited(ExitedEventArguments args) {
                exited.complete(args.getExitCode());
            }

            @Override
            public void terminated(TerminatedEventArguments args) {
                terminated.complete(null);
            }
        };
        Launcher<PearlServer> launcher = new DebugLauncher.Builder<PearlServer>().setLocalService(events)
                .setRemoteInterface(PearlServer.class).setInput(socket.getInputStream()).setOutput(socket.getOutputStream()).create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("pearl");
        init.setLinesStartAt1(true);
        get(server.initialize(init));
    }

    /** Launches {@code project} with {@code extra} arguments (pairs of name, value). */
    void launch(Path project, Object... extra) {
        Map<String, Object> args = new HashMap<>();
        args.put("project", project.toString());
        for (int i = 0; i < extra.length; i += 2) {
            args.put((String) extra[i], extra[i + 1]);
        }
        get(server.launch(args));
        get(initialized);
    }

    /** Sets breakpoints on {@code lines} of {@code file}; returns the lines they landed on (-line when unverified). */
    int[] breakpoints(Path file, int... lines) {
        SourceBreakpoint[] bps = Arrays.stream(lines).mapToObj(l -> {
            SourceBreakpoint b = new SourceBreakpoint();
            b.setLine(l);
            return b;
        }).toArray(SourceBreakpoint[]::new);
        return breakpoints(file, bps);
    }

    int[] breakpoints(Path file, SourceBreakpoint... bps) {
        SetBreakpointsArguments args = new SetBreakpointsArguments();
        Source s = new Source();
        s.setPath(file.toString());
        args.setSource(s);
        args.setBreakpoints(bps);
        return Arrays.stream(get(server.setBreakpoints(args)).getBreakpoints())
                .mapToInt(b -> b.isVerified() ? b.getLine() : -b.getLine()).toArray();
    }

    static SourceBreakpoint at(int line, String condition, String hits, String log) {
        SourceBreakpoint b = new SourceBreakpoint();
        b.setLine(line);
        b.setCondition(condition);
        b.setHitCondition(hits);
        b.setLogMessage(log);
        return b;
    }

    /**
     * Launches the board of {@code file}'s project (with {@code extra} arguments), sets a
     * breakpoint on {@code line}, starts it and waits until it stops there.
     */
    void stopAt(Path file, int line, Object... extra) {
        launch(file.getParent(), extra);
        breakpoints(file, line);
        start();
        stopped("breakpoint");
    }

    void start() {
        get(server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
    }

    StoppedEventArguments stopped() {
        try {
            StoppedEventArguments s = stops.poll(TIMEOUT_S, TimeUnit.SECONDS);
            if (s == null) {
                fail("the board did not stop; UART so far:\n" + uart + "\nconsole:\n" + console);
            }
            return s;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for a stop and checks its reason. */
    StoppedEventArguments stopped(String reason) {
        StoppedEventArguments s = stopped();
        assertEquals(reason, s.getReason(), () -> "stopped for " + s.getReason() + ": " + s.getText());
        return s;
    }

    List<StackFrame> stack() {
        StackTraceArguments args = new StackTraceArguments();
        args.setThreadId(PearlDebugServer.BOARD_THREAD);
        return List.of(get(server.stackTrace(args)).getStackFrames());
    }

    /** The innermost frame's line. */
    int line() {
        return stack().get(0).getLine();
    }

    List<Scope> scopes(StackFrame frame) {
        ScopesArguments args = new ScopesArguments();
        args.setFrameId(frame.getId());
        return List.of(get(server.scopes(args)).getScopes());
    }

    Scope scope(StackFrame frame, String name) {
        return scopes(frame).stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scope " + name));
    }

    List<Variable> variables(int reference) {
        VariablesArguments args = new VariablesArguments();
        args.setVariablesReference(reference);
        return List.of(get(server.variables(args)).getVariables());
    }

    /** The variable {@code name} among {@code reference}'s children. */
    Variable variable(int reference, String name) {
        List<Variable> all = variables(reference);
        return all.stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + names(all)));
    }

    static List<String> names(List<Variable> vars) {
        List<String> names = new ArrayList<>();
        vars.forEach(v -> names.add(v.getName() + "=" + v.getValue()));
        return names;
    }

    EvaluateResponse evaluate(StackFrame frame, String expression) {
        EvaluateArguments args = new EvaluateArguments();
        args.setExpression(expression);
        args.setFrameId(frame == null ? null : frame.getId());
        args.setContext("watch");
        return get(server.evaluate(args));
    }

    void cont() {
        ContinueArguments args = new ContinueArguments();
        args.setThreadId(PearlDebugServer.BOARD_THREAD);
        get(server.continue_(args));
    }

    void next() {
        org.eclipse.lsp4j.debug.NextArguments a = new org.eclipse.lsp4j.debug.NextArguments();
        a.setThreadId(PearlDebugServer.BOARD_THREAD);
        get(server.next(a));
    }

    void stepIn() {
        org.eclipse.lsp4j.debug.StepInArguments a = new org.eclipse.lsp4j.debug.StepInArguments();
        a.setThreadId(PearlDebugServer.BOARD_THREAD);
        get(server.stepIn(a));
    }

    void stepOut() {
        org.eclipse.lsp4j.debug.StepOutArguments a = new org.eclipse.lsp4j.debug.StepOutArguments();
        a.setThreadId(PearlDebugServer.BOARD_THREAD);
        get(server.stepOut(a));
    }

    void nextTask() {
        ContinueArguments args = new ContinueArguments();
        args.setThreadId(PearlDebugServer.BOARD_THREAD);
        get(server.continueToNextTask(args));
    }

    /** Waits for console (not UART) output containing {@code text}. */
    void awaitConsole(String text) {
        await(() -> console.toString().contains(text), "console output '" + text + "'; have:\n" + console);
    }

    void awaitUart(String text) {
        await(() -> uart.toString().contains(text), "UART output '" + text + "'; have:\n" + uart);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited in vain for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The answer of a request; an error response fails the test. */
    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("error response: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer in " + TIMEOUT_S + " s; threads:\n" + threadDump(), e);
        }
    }

    /** What every thread is doing: the diagnosis when an answer never comes. */
    static String threadDump() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            out.append(t.getName()).append(" (").append(t.getState()).append(")\n");
            for (StackTraceElement e : stack) {
                out.append("    at ").append(e).append('\n');
            }
        });
        return out.toString();
    }

    /** The error message of a request that must fail. */
    static String error(CompletableFuture<?> f) {
        try {
            Object ok = f.get(TIMEOUT_S, TimeUnit.SECONDS);
            fail("expected an error response, got " + ok);
            return null;
        } catch (ExecutionException e) {
            assertNotNull(e.getCause().getMessage());
            return e.getCause().getMessage();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer", e);
        }
    }

    /** A client for a board set up beforehand, as {@code pearl run --dap} has it. */
    static DapClient attachedTo(LaunchArguments board) throws IOException {
        return new DapClient(new PearlDebugServer(board));
    }

    @Override
    public void close() throws IOException {
        try {
            server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // the server may be gone already
        }
        socket.close();
    }
}
