package pearl.launch.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;

import pearl.launch.PearlLaunching;
import pearl.launch.process.DebuggedBoardProcess;

/**
 * A debug session as Eclipse sees it, and nothing but a client of a Debug Adapter Protocol server:
 * the adapter's threads are its threads, its frames their frames, its variables theirs, and every
 * action is a request. Events from the adapter arrive on the connection's message thread and only
 * change state and fire debug events there; requests are made from the callers' threads.
 */
public final class DapDebugTarget extends DapDebugElement implements IDebugTarget {

    private final ILaunch launch;
    private final String name;
    private final Closeable connection;
    /** Ends when the connection's message thread stops reading. */
    private final Future<Void> listening;
    private final PearlDapServer server;
    private final DebuggedBoardProcess process;
    private final DapBreakpointSync breakpoints;
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private volatile Capabilities capabilities = new Capabilities();
    private volatile DapThread thread;
    private volatile boolean started;
    private volatile boolean terminated;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile int exitCode;

    /**
     * A client of the adapter at the other end of {@code in}/{@code out}; {@code connection} is
     * closed when the session ends. Nothing is sent before {@link #start}.
     */
    public DapDebugTarget(ILaunch launch, String name, InputStream in, OutputStream out, Closeable connection) {
        super(null);
        this.launch = launch;
        this.name = name;
        this.connection = connection;
        this.process = new DebuggedBoardProcess(launch, name, this::typed);
        this.breakpoints = new DapBreakpointSync(this);
        Launcher<PearlDapServer> launcher = new DebugLauncher.Builder<PearlDapServer>().setLocalService(new DapEvents(this))
                .setRemoteInterface(PearlDapServer.class).setInput(in).setOutput(out).create();
        this.listening = launcher.startListening();
        this.server = launcher.getRemoteProxy();
    }

    /**
     * Opens the session: initialize, launch with {@code launchArguments}, the breakpoints of the
     * workspace, configuration done. The target and its process join the launch.
     *
     * @throws DebugException when the adapter refuses; the connection is closed then
     */
    public void start(Map<String, Object> launchArguments) throws DebugException {
        try {
            InitializeRequestArguments init = new InitializeRequestArguments();
            init.setClientID(PearlLaunching.PLUGIN_ID);
            init.setClientName("Eclipse");
            init.setAdapterID("pearl");
            init.setLinesStartAt1(true);
            init.setColumnsStartAt1(true);
            init.setPathFormat("path");
            capabilities = answer(server.initialize(init));
            answer(server.launch(launchArguments));
            answer(initialized);
            Thread[] threads = answer(server.threads()).getThreads();
            if (threads.length == 0) {
                throw failure("the debug adapter names no thread", null);
            }
            // the board has one thread; an adapter with more would need a thread per entry here
            thread = new DapThread(this, threads[0].getId(), threads[0].getName());
            launch.addDebugTarget(this);
            process.start(this);
            fireCreationEvent();
            thread.fireCreationEvent();
            breakpoints.start();
            answer(server.configurationDone(new ConfigurationDoneArguments()));
            started = true;
        } catch (DebugException | RuntimeException e) {
            closeConnection();
            ended();
            throw e;
        }
    }

    // ------------------------------------------------------------------ events from the adapter

    /** The adapter is ready for configuration (breakpoints). */
    void onInitialized() {
        initialized.complete(null);
    }

    /**
     * Output of the board (category stdout: its UART, without its echo of a line typed into the
     * console) or of the adapter.
     */
    void onOutput(String category, String text) {
        if ("stdout".equals(category)) {
            process.streams().boardOutput(text);
        } else if (!"telemetry".equals(category)) {
            process.streams().messages().append(text);
        }
    }

    void onExited(int exit) {
        exitCode = exit;
    }

    /** The adapter ended the session (the run is over): everything is terminated, the connection let go. */
    void onTerminated() {
        ended();
        // not on the message thread that calls here: it would wait for its own reading
        CompletableFuture.runAsync(this::closeConnection);
    }

    /** Marks the session over and tells everyone, once. */
    private void ended() {
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
        }
        breakpoints.stop();
        DapThread t = thread;
        if (t != null) {
            t.onTerminated();
        }
        fireTerminateEvent();
        process.ended(exitCode);
    }

    /**
     * Closes the connection. A socket is half-closed first and the message thread left to read
     * to its end: a socket closed under a reading thread makes the JSON-RPC layer log an error.
     */
    private void close() {
        try {
            if (connection instanceof Socket socket && !socket.isClosed()) {
                socket.shutdownOutput();
                listening.get(2, TimeUnit.SECONDS);
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            // it ends all the same when closed below
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /**
     * Says goodbye to the adapter and closes the connection, once: closing before the adapter
     * answered a request would leave that request waiting for nothing.
     */
    private void closeConnection() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            DisconnectArguments args = new DisconnectArguments();
            args.setTerminateDebuggee(true);
            server.disconnect(args).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the adapter is gone already: nothing to say goodbye to
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    // ------------------------------------------------------------------ for the model's elements

    /** The adapter. */
    PearlDapServer server() {
        return server;
    }

    /** What the adapter said it can do. */
    Capabilities capabilities() {
        return capabilities;
    }

    /** The breakpoints of the workspace as the adapter has them. */
    DapBreakpointSync breakpointSync() {
        return breakpoints;
    }

    /**
     * Evaluates {@code expression} in frame {@code frameId} (null: globally) in {@code context}
     * ({@code watch}, {@code hover}, {@code repl}); the answer comes when it comes.
     */
    CompletableFuture<EvaluateResponse> evaluate(Integer frameId, String expression, String context) {
        EvaluateArguments args = new EvaluateArguments();
        args.setExpression(expression);
        args.setFrameId(frameId);
        args.setContext(context);
        return server.evaluate(args);
    }

    /** A line typed in the console: to the board's REPL, or evaluated in the top frame while stopped. */
    private void typed(String text) {
        if (terminated) {
            return;
        }
        DapThread t = thread;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            Integer frame = null;
            if (t != null && t.isSuspended()) {
                DapStackFrame top = t.cachedTopFrame();
                frame = top == null ? null : top.id();
            }
            evaluate(frame, line, "repl").whenComplete((result, problem) -> {
                if (problem != null) {
                    process.streams().messages().append(problem.getMessage() + "\n");
                } else if (result.getResult() != null && !result.getResult().isEmpty()) {
                    process.streams().uart().append(result.getResult() + "\n");
                }
                if (t != null && t.isSuspended()) {
                    t.contentChanged();
                }
            });
        }
    }

    // ------------------------------------------------------------------ IDebugTarget

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IProcess getProcess() {
        return process;
    }

    @Override
    public IThread[] getThreads() {
        DapThread t = thread;
        return terminated || t == null ? new IThread[0] : new IThread[] { t };
    }

    /** The board's thread, or null before the session started. */
    public DapThread getBoardThread() {
        return thread;
    }

    @Override
    public boolean hasThreads() {
        return !terminated && thread != null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return PearlLaunching.DEBUG_MODEL.equals(breakpoint.getModelIdentifier());
    }

    /**
     * Runs on to the first line of the next task that runs Lua code (Pearl's custom request): for
     * the "continue to next task" button.
     */
    public void continueToNextTask() throws DebugException {
        requireThread().continueToNextTask();
    }

    private DapThread requireThread() throws DebugException {
        DapThread t = thread;
        if (t == null) {
            throw failure("the session has not started", null);
        }
        return t;
    }

    // ------------------------------------------------------------------ ISuspendResume: the board's thread

    @Override
    public boolean canResume() {
        DapThread t = thread;
        return t != null && t.canResume();
    }

    @Override
    public boolean canSuspend() {
        DapThread t = thread;
        return t != null && t.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        DapThread t = thread;
        return t != null && t.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        requireThread().resume();
    }

    @Override
    public void suspend() throws DebugException {
        requireThread().suspend();
    }

    // ------------------------------------------------------------------ ending

    @Override
    public boolean canTerminate() {
        return started && !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        if (terminated) {
            return;
        }
        try {
            if (Boolean.TRUE.equals(capabilities.getSupportsTerminateRequest())) {
                answer(server.terminate(new TerminateArguments()));
            }
        } catch (DebugException e) {
            if (!terminated) {
                throw e;
            }
            // the run ended meanwhile: what was asked for happened
        } finally {
            closeConnection();
            ended();
        }
    }

    @Override
    public boolean canDisconnect() {
        return canTerminate();
    }

    /** Ends the session; the emulated board lives only as long as its session, so it stops too. */
    @Override
    public void disconnect() throws DebugException {
        if (terminated) {
            return;
        }
        closeConnection();
        ended();
    }

    @Override
    public boolean isDisconnected() {
        return terminated;
    }

    // ------------------------------------------------------------------ breakpoints

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        breakpoints.changed(breakpoint);
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.changed(breakpoint);
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpoints.changed(breakpoint);
    }

    // ------------------------------------------------------------------ no memory

    @Override
    public boolean supportsStorageRetrieval() {
        return false;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        throw failure("the Lua debugger has no memory blocks", null);
    }
}
