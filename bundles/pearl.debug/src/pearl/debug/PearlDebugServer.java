package pearl.debug;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.BoardRunner;
import pearl.emulator.lua.ChunkNames;
import pearl.emulator.lua.Environments;
import pearl.emulator.lua.LuaCallStack;
import pearl.emulator.lua.Tracebacks;

/**
 * The Debug Adapter Protocol over an emulated board. One thread, the board; its stack is the
 * paused task's Lua frames over a frame naming the task. Scopes per frame: Locals, Upvalues,
 * Globals and Board (heap, task queues, registry, SPIFFS). The board runs on a thread of its own;
 * while it stands still, virtual time does too, and every question about it is answered on its
 * thread.
 */
public class PearlDebugServer implements IDebugProtocolServer {

    /** The one thread's id. */
    public static final int BOARD_THREAD = 1;
    /** Exit code of a board that fell into a reboot loop, as {@code pearl run} gives it. */
    public static final int REBOOT_LOOP = 3;
    private static final int FRAMES_PER_STOP = 100_000;

    private final LaunchArguments attachTo;
    private IDebugProtocolClient client;
    private LaunchArguments launch;
    private Board board;
    private BoardRunner runner;
    private SourceFiles sources;
    private BreakpointTable breakpoints;
    private BoardDebugger debugger;
    private java.lang.Thread boardThread;
    private Set<String> exceptionFilters = Set.of(BoardDebugger.UNCAUGHT_ERROR, BoardDebugger.OUT_OF_MEMORY,
            BoardDebugger.WATCHDOG);
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The things of the current stop that the client may expand; made anew at each stop. */
    private volatile VariableStore variables = new VariableStore();
    private volatile int stops;
    private volatile java.util.function.Consumer<BoardRunner> boardStarted = runner -> { };

    /** A server that launches boards. */
    public PearlDebugServer() {
        this(null);
    }

    /** A server for a board set up already ({@code pearl run --dap}): a client attaches to it (or launches it). */
    public PearlDebugServer(LaunchArguments attachTo) {
        this.attachTo = attachTo;
    }

    /**
     * Tells {@code started} of the board a launch builds, before it boots, so that a host in the
     * same process (the IDE's views) can watch it; {@link BoardRunner#later} reaches it safely.
     */
    public void onBoardStarted(java.util.function.Consumer<BoardRunner> started) {
        boardStarted = started;
    }

    /** The client to send events to; call before the first message. */
    public void connect(IDebugProtocolClient client) {
        this.client = client;
    }

    // ------------------------------------------------------------------ session

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
        Capabilities c = new Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsConditionalBreakpoints(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsLogPoints(true);
        c.setSupportsEvaluateForHovers(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportsExceptionInfoRequest(true);
        c.setSupportTerminateDebuggee(true);
        c.setExceptionBreakpointFilters(exceptionBreakpointFilters());
        return CompletableFuture.completedFuture(c);
    }

    /**
     * The exceptions the board can stop at, as {@code initialize} offers them: id, label,
     * description and whether the filter is on when the client says nothing of it.
     */
    public static ExceptionBreakpointsFilter[] exceptionBreakpointFilters() {
        return new ExceptionBreakpointsFilter[] {
                filter(BoardDebugger.UNCAUGHT_ERROR, "Lua error", "an error no pcall catches: the board prints it and restarts", true),
                filter(BoardDebugger.CAUGHT_ERROR, "Lua error caught by pcall", "an error a pcall, xpcall or coroutine catches", false),
                filter(BoardDebugger.OUT_OF_MEMORY, "PANIC / out of memory", "the Lua heap is exhausted", true),
                filter(BoardDebugger.WATCHDOG, "Watchdog reset", "a task runs past 500 ms and the chip resets", true) };
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, String description, boolean on) {
        ExceptionBreakpointsFilter f = new ExceptionBreakpointsFilter();
        f.setFilter(id);
        f.setLabel(label);
        f.setDescription(description);
        f.setDefault_(on);
        return f;
    }

    @Override
    public synchronized CompletableFuture<Void> launch(Map<String, Object> args) {
        if (board != null) {
            return failed("a board is running already in this session");
        }
        try {
            open(LaunchArguments.parse(args));
        } catch (IllegalArgumentException | IOException e) {
            return failed(e.getMessage());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> attach(Map<String, Object> args) {
        if (attachTo == null) {
            return failed("no board waits for a debugger here; start one with 'pearl run --dap PORT', or launch");
        }
        if (board != null) {
            return failed("a board is running already in this session");
        }
        try {
            open(attachTo);
        } catch (IOException e) {
            return failed(e.getMessage());
        }
        return CompletableFuture.completedFuture(null);
    }

    private void open(LaunchArguments arguments) throws IOException {
        launch = arguments;
        board = arguments.board().build(warning -> output(OutputEventArgumentsCategory.CONSOLE, "warning: " + warning + "\n"));
        runner = new BoardRunner(board);
        sources = new SourceFiles(arguments.board().project());
        breakpoints = new BreakpointTable(sources);
        debugger = new BoardDebugger(board, breakpoints, new BoardDebugger.Events() {
            @Override
            public void stopped(BoardStop stop) {
                onStopped(stop);
            }

            @Override
            public void log(String text) {
                output(OutputEventArgumentsCategory.CONSOLE, text + "\n");
            }

            @Override
            public void resumed(long heldNanos) {
                runner.held(heldNanos);
            }
        });
        debugger.setExceptionFilters(exceptionFilters);
        if (arguments.stopOnEntry()) {
            debugger.stopOnEntry();
        }
        board.addListener(new BoardListener() {
            @Override
            public void uartOutput(String bytes) {
                output(OutputEventArgumentsCategory.STDOUT, bytes);
            }

            @Override
            public void rebooting(String reason) {
                output(OutputEventArgumentsCategory.CONSOLE, "board rebooting: " + reason + "\n");
            }

            @Override
            public void rebootLoop(String cause) {
                output(OutputEventArgumentsCategory.CONSOLE, "reboot loop: the board keeps restarting (" + cause + ")\n");
            }

            @Override
            public void portMapped(String protocol, int boardPort, java.net.InetSocketAddress host) {
                output(OutputEventArgumentsCategory.CONSOLE, "net: " + (protocol.equals("tcp") ? "" : protocol + " ") + "port "
                        + boardPort + " -> " + host.getAddress().getHostAddress() + ":" + host.getPort() + "\n");
            }
        });
        board.setDebugHook(debugger);
        boardStarted.accept(runner);
        client.initialized();
    }

    @Override
    public synchronized CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
        if (board == null) {
            return failed("launch or attach first");
        }
        if (boardThread == null) {
            boardThread = new java.lang.Thread(this::runBoard, "pearl board");
            boardThread.setDaemon(true);
            boardThread.start();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void runBoard() {
        int exit = 0;
        try {
            runner.run(launch.forMicros(), launch.realtime(), false);
            exit = board.rebootLoopCause() != null ? REBOOT_LOOP : 0;
        } catch (BoardDebugger.SessionEnded e) {
            // the client ended the session while the board stood still
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            output(OutputEventArgumentsCategory.STDERR, "the emulator failed: " + e + "\n");
            exit = 1;
        } finally {
            board.closeHostIo();
        }
        finish(exit);
    }

    private void finish(int exit) {
        if (ended.getAndSet(true)) {
            return;
        }
        ExitedEventArguments exited = new ExitedEventArguments();
        exited.setExitCode(exit);
        client.exited(exited);
        client.terminated(new TerminatedEventArguments());
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments args) {
        stopBoard();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments args) {
        stopBoard();
        finish(0);
        return CompletableFuture.completedFuture(null);
    }

    private void stopBoard() {
        java.lang.Thread thread;
        synchronized (this) {
            thread = boardThread;
            if (debugger != null) {
                debugger.end();
            }
            if (runner != null) {
                runner.stop();
            }
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
            }
        }
    }

    private void output(String category, String text) {
        OutputEventArguments o = new OutputEventArguments();
        o.setCategory(category);
        o.setOutput(text);
        client.output(o);
    }

    // ------------------------------------------------------------------ breakpoints

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments args) {
        if (breakpoints == null) {
            return failed("launch or attach first: breakpoints belong to a project");
        }
        Source source = args.getSource();
        if (source == null || source.getPath() == null) {
            return failed("setBreakpoints needs a source with a path");
        }
        List<BreakpointTable.Request> requests = new ArrayList<>();
        if (args.getBreakpoints() != null) {
            for (SourceBreakpoint b : args.getBreakpoints()) {
                requests.add(new BreakpointTable.Request(b.getLine(), b.getCondition(), b.getHitCondition(), b.getLogMessage()));
            }
        } else if (args.getLines() != null) {
            for (int line : args.getLines()) {
                requests.add(new BreakpointTable.Request(line, null, null, null));
            }
        }
        List<LineBreakpoint> set = breakpoints.set(Path.of(source.getPath()), requests);
        SetBreakpointsResponse response = new SetBreakpointsResponse();
        response.setBreakpoints(set.stream().map(b -> {
            Breakpoint out = new Breakpoint();
            out.setId(b.id());
            out.setVerified(b.verified());
            out.setLine(b.verified() ? b.line() : b.requestedLine());
            out.setSource(source);
            out.setMessage(b.problem());
            return out;
        }).toArray(Breakpoint[]::new));
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public synchronized CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(
            SetExceptionBreakpointsArguments args) {
        Set<String> filters = new HashSet<>();
        if (args.getFilters() != null) {
            for (String f : args.getFilters()) {
                if (!Set.of(BoardDebugger.UNCAUGHT_ERROR, BoardDebugger.CAUGHT_ERROR, BoardDebugger.OUT_OF_MEMORY,
                        BoardDebugger.WATCHDOG).contains(f)) {
                    return failed("no exception filter '" + f + "' (error, caught, memory, watchdog)");
                }
                filters.add(f);
            }
        }
        exceptionFilters = filters;
        if (debugger != null) {
            debugger.setExceptionFilters(filters);
        }
        return CompletableFuture.completedFuture(new SetExceptionBreakpointsResponse());
    }

    // ------------------------------------------------------------------ running

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        Thread t = new Thread();
        t.setId(BOARD_THREAD);
        t.setName("NodeMCU board");
        ThreadsResponse response = new ThreadsResponse();
        response.setThreads(new Thread[] { t });
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
        return go(StepMode.CONTINUE).thenApply(v -> {
            ContinueResponse response = new ContinueResponse();
            response.setAllThreadsContinued(true);
            return response;
        });
    }

    /** Custom request: runs on to the first line of the next task that runs Lua code. */
    @JsonRequest
    public CompletableFuture<ContinueResponse> continueToNextTask(ContinueArguments args) {
        return go(StepMode.NEXT_TASK).thenApply(v -> new ContinueResponse());
    }

    @Override
    public CompletableFuture<Void> next(NextArguments args) {
        return go(StepMode.OVER);
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments args) {
        return go(StepMode.IN);
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments args) {
        return go(StepMode.OUT);
    }

    private CompletableFuture<Void> go(StepMode mode) {
        BoardDebugger d = debugger;
        if (d == null || !d.resume(mode)) {
            return failed("the board is not stopped");
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments args) {
        if (debugger == null) {
            return failed("launch or attach first");
        }
        if (ended.get()) {
            return failed("the board's run is over; there is nothing to pause");
        }
        debugger.pause();
        return CompletableFuture.completedFuture(null);
    }

    private void onStopped(BoardStop stop) {
        variables = new VariableStore();
        stops++;
        StoppedEventArguments e = new StoppedEventArguments();
        e.setReason(stop.reason());
        e.setDescription(stop.description());
        e.setText(stop.text());
        e.setThreadId(BOARD_THREAD);
        e.setAllThreadsStopped(true);
        if (stop.breakpoint() != 0) {
            e.setHitBreakpointIds(new Integer[] { stop.breakpoint() });
        }
        client.stopped(e);
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments args) {
        BoardStop stop = debugger == null ? null : debugger.stop();
        if (stop == null || !stop.reason().equals("exception")) {
            return failed("the board is not stopped at an exception");
        }
        ExceptionInfoResponse r = new ExceptionInfoResponse();
        r.setExceptionId(stop.description());
        r.setDescription(stop.text());
        r.setBreakMode(ExceptionBreakMode.ALWAYS);
        return CompletableFuture.completedFuture(r);
    }

    // ------------------------------------------------------------------ inspecting

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        return onBoard(stop -> {
            List<StackFrame> frames = new ArrayList<>();
            int base = stops * FRAMES_PER_STOP;
            for (int i = 0; i < stop.frames().size(); i++) {
                frames.add(luaFrame(stop, i, base + i));
            }
            LuaCallStack.Frame outermost = stop.frames().isEmpty() ? null : stop.frames().get(stop.frames().size() - 1);
            frames.add(TaskFrames.of(stop, base + stop.frames().size(), outermost));
            int start = args.getStartFrame() == null ? 0 : Math.min(args.getStartFrame(), frames.size());
            int levels = args.getLevels() == null || args.getLevels() <= 0 ? frames.size() : args.getLevels();
            StackTraceResponse response = new StackTraceResponse();
            response.setStackFrames(frames.subList(start, Math.min(frames.size(), start + levels)).toArray(StackFrame[]::new));
            response.setTotalFrames(frames.size());
            return response;
        });
    }

    private StackFrame luaFrame(BoardStop stop, int index, int id) {
        LuaCallStack.Frame f = stop.frames().get(index);
        StackFrame frame = new StackFrame();
        frame.setId(id);
        frame.setName(Tracebacks.nameOf(stop.stack(), index + 1));
        int line = f.line();
        frame.setLine(Math.max(line, 0));
        frame.setColumn(line > 0 ? 1 : 0);
        String chunk = f.closure().p.source == null ? "?" : f.closure().p.source.tojstring();
        Source source = new Source();
        source.setName(ChunkNames.shortSource(f.closure().p.source));
        Path file = sources.fileOf(chunk);
        if (file != null) {
            source.setPath(file.toString());
        } else {
            source.setPresentationHint(org.eclipse.lsp4j.debug.SourcePresentationHint.DEEMPHASIZE);
        }
        frame.setSource(source);
        return frame;
    }

    /** The Lua frame with client id {@code id} in {@code stop}; null for the task frame; fails for an old id. */
    private LuaCallStack.Frame frameOf(BoardStop stop, int id) {
        int base = stops * FRAMES_PER_STOP;
        int index = id - base;
        if (index < 0 || index > stop.frames().size()) {
            throw new IllegalArgumentException("no frame " + id + " in this stop (the board went on since)");
        }
        return index == stop.frames().size() ? null : stop.frames().get(index);
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return onBoard(stop -> {
            LuaCallStack.Frame frame = frameOf(stop, args.getFrameId());
            VariableStore store = variables;
            List<Scope> scopes = new ArrayList<>();
            if (frame != null) {
                scopes.add(scope("Locals", "locals", store.add(() -> variablesOf(store, frame, FrameVariables.locals(frame))), false));
                scopes.add(scope("Upvalues", null, store.add(() -> variablesOf(store, frame, FrameVariables.upvalues(frame.closure()))), false));
            }
            LuaValue globals = frame == null ? board.lua().globals() : Environments.of(frame.closure(), board.lua().globals());
            scopes.add(scope("Globals", null, store.add(() -> store.children(store.variable("_G", globals).getVariablesReference())), true));
            scopes.add(scope("Board", null, store.add(() -> BoardScope.sections(board, store)), true));
            ScopesResponse response = new ScopesResponse();
            response.setScopes(scopes.toArray(Scope[]::new));
            return response;
        });
    }

    private static Scope scope(String name, String hint, int reference, boolean expensive) {
        Scope s = new Scope();
        s.setName(name);
        s.setPresentationHint(hint);
        s.setVariablesReference(reference);
        s.setExpensive(expensive);
        return s;
    }

    private static List<Variable> variablesOf(VariableStore store, LuaCallStack.Frame frame, List<FrameVariables.Variable> vars) {
        List<Variable> result = new ArrayList<>();
        for (FrameVariables.Variable v : vars) {
            result.add(store.variable(v.name(), FrameVariables.value(frame, v)));
        }
        return result;
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return onBoard(stop -> {
            List<Variable> children = variables.children(args.getVariablesReference());
            if (children == null) {
                throw new IllegalArgumentException("no variables " + args.getVariablesReference() + " in this stop");
            }
            int start = args.getStart() == null ? 0 : Math.min(args.getStart(), children.size());
            int count = args.getCount() == null || args.getCount() <= 0 ? children.size() : args.getCount();
            VariablesResponse response = new VariablesResponse();
            response.setVariables(children.subList(start, Math.min(children.size(), start + count)).toArray(Variable[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
        BoardDebugger d = debugger;
        if (d == null) {
            return failed("launch or attach first");
        }
        if (d.stop() == null) {
            if (!"repl".equals(args.getContext())) {
                return failed("the board is running; pause it to evaluate");
            }
            // a running board: the expression goes to its Lua REPL on the UART, its answer comes as output
            runner.input(args.getExpression() + "\n");
            EvaluateResponse response = new EvaluateResponse();
            response.setResult("");
            return CompletableFuture.completedFuture(response);
        }
        return onBoard(stop -> {
            LuaCallStack.Frame frame = args.getFrameId() == null ? null : frameOf(stop, args.getFrameId());
            LuaValue value;
            try {
                value = d.evaluate(frame, args.getExpression());
            } catch (LuaError e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            Variable v = variables.variable("result", value);
            EvaluateResponse response = new EvaluateResponse();
            response.setResult(v.getValue());
            response.setType(v.getType());
            response.setVariablesReference(v.getVariablesReference());
            return response;
        });
    }

    /** Answers on the board's thread while it stands still; an error response when it runs. */
    private <T> CompletableFuture<T> onBoard(Function<BoardStop, T> question) {
        BoardDebugger d = debugger;
        if (d == null) {
            return failed("launch or attach first");
        }
        BoardStop stop = d.stop();
        if (stop == null) {
            return failed("the board is running; pause it first");
        }
        return d.ask(stop, question).handle((answer, problem) -> {
            if (problem != null) {
                Throwable cause = problem instanceof CompletionException && problem.getCause() != null ? problem.getCause() : problem;
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        cause.getMessage() == null ? cause.toString() : cause.getMessage(), null));
            }
            return answer;
        });
    }

    private static <T> CompletableFuture<T> failed(String message) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null)));
        return f;
    }
}
