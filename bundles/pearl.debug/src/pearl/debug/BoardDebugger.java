package pearl.debug;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

import pearl.emulator.Board;
import pearl.emulator.lua.DebugHook;
import pearl.emulator.lua.LuaCallStack;

/**
 * The debugger inside an emulated board: it stops the board's thread at breakpoints, after steps,
 * on exceptions and when asked to pause, and while the board stands still (virtual time with it)
 * runs the client's questions on that thread, where the Lua state may be read safely.
 */
public final class BoardDebugger implements DebugHook {

    /** Exception filter: an error no pcall catches (the board prints it and restarts). */
    public static final String UNCAUGHT_ERROR = "error";
    /** Exception filter: an error a pcall, xpcall or coroutine catches. */
    public static final String CAUGHT_ERROR = "caught";
    /** Exception filter: the heap is exhausted (PANIC, out of memory). */
    public static final String OUT_OF_MEMORY = "memory";
    /** Exception filter: a task ran past 500 ms and the watchdog resets the chip. */
    public static final String WATCHDOG = "watchdog";

    /** What the debugger tells its client. */
    public interface Events {
        /** The board stopped; it stands still until told to go on. */
        void stopped(BoardStop stop);

        /** A logpoint's message. */
        void log(String text);

        /** The board goes on after standing still for {@code heldNanos} of wall time. */
        default void resumed(long heldNanos) {
        }
    }

    /** Thrown through the board's code to end the session while it is stopped. */
    static final class SessionEnded extends Error {
        private static final long serialVersionUID = 1L;

        SessionEnded() {
            super("debug session ended", null, false, false);
        }
    }

    private final Board board;
    private final BreakpointTable breakpoints;
    private final Events events;
    private final FrameEvaluator evaluator = new FrameEvaluator();
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private volatile boolean pauseRequested;
    private volatile boolean ended;
    private volatile BoardStop stop;
    private volatile Set<String> exceptionFilters = Set.of(UNCAUGHT_ERROR, OUT_OF_MEMORY, WATCHDOG);
    // the rest belongs to the board's thread
    private int seenBreakpoints = -1;
    private StepMode step = StepMode.CONTINUE;
    private boolean entry;
    private LuaCallStack stepStack;
    private int stepDepth;
    private long stepTasks;
    private int stepBoots;
    /** Lua functions a stepped-into line gave the firmware as callbacks: the step ends when one runs. */
    private final Set<LuaClosure> callbacks = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean awaitingCallback;
    private boolean resumed;

    /** A debugger for {@code board}, stopping at {@code breakpoints}; attach it with {@link Board#setDebugHook}. */
    public BoardDebugger(Board board, BreakpointTable breakpoints, Events events) {
        this.board = board;
        this.breakpoints = breakpoints;
        this.events = events;
    }

    // ------------------------------------------------------------------ from the client's thread

    /** Stops at the first line of Lua the board runs (the launch's {@code stopOnEntry}); before it runs. */
    public void stopOnEntry() {
        entry = true;
        step = StepMode.IN;
    }

    /** Which exceptions stop the board: any of the filter constants of this class. */
    public void setExceptionFilters(Set<String> filters) {
        exceptionFilters = Set.copyOf(filters);
    }

    /** Asks the running board to stop: in the running Lua code, or between tasks. */
    public void pause() {
        pauseRequested = true;
    }

    /** The stop the board stands at, or null while it runs. */
    public BoardStop stop() {
        return stop;
    }

    /**
     * Runs {@code question} on the board's thread while it stands at {@code at}.
     *
     * @return its answer; fails when the board is not stopped there (it went on meanwhile)
     */
    public <T> CompletableFuture<T> ask(BoardStop at, Function<BoardStop, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (at == null || stop != at) {
            answer.completeExceptionally(new IllegalStateException("the board is running; pause it first"));
            return answer;
        }
        commands.add(() -> {
            if (stop != at) {
                answer.completeExceptionally(new IllegalStateException("the board is running; pause it first"));
                return;
            }
            try {
                answer.complete(question.apply(at));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** Lets the stopped board go on as {@code mode} says; false when it is not stopped. */
    public boolean resume(StepMode mode) {
        BoardStop at = stop;
        if (at == null) {
            return false;
        }
        commands.add(() -> {
            if (stop == at) {
                startStep(mode, at);
                resumed = true;
            }
        });
        return true;
    }

    /** Ends the session: a stopped board is released by unwinding its code. */
    public void end() {
        ended = true;
        commands.add(() -> resumed = true);
    }

    // ------------------------------------------------------------------ on the board's thread

    private void startStep(StepMode mode, BoardStop at) {
        step = mode;
        callbacks.clear();
        awaitingCallback = false;
        stepStack = at.stack();
        stepDepth = at.stack() == null ? 0 : at.stack().depth();
        stepTasks = board.scheduler().tasksRun();
        stepBoots = board.boots();
        if (at.stack() == null && mode != StepMode.CONTINUE) {
            step = StepMode.NEXT_TASK; // stopped between tasks: every step goes to the next task's code
        }
        board.lua().hooks().setLineEvents(step != StepMode.CONTINUE);
    }

    @Override
    public void attached(pearl.emulator.lua.VmHooks hooks) {
        hooks.setLineEvents(step != StepMode.CONTINUE);
    }

    @Override
    public boolean[] breakpoints(Prototype function) {
        return breakpoints.stopsOf(function);
    }

    @Override
    public void line(LuaCallStack stack, LuaCallStack.Frame frame, boolean breakpoint) {
        if (breakpoint && hitBreakpoint(stack, frame)) {
            return;
        }
        if (step != StepMode.CONTINUE && stepEnds(stack, frame)) {
            String reason = entry ? "entry" : "step";
            entry = false;
            suspend(new BoardStop(reason, reason.equals("entry") ? "Paused on entry" : "Paused after step", null, stack,
                    frames(stack), board.scheduler().currentTask(), board.clockMicros(), 0));
        }
    }

    private boolean hitBreakpoint(LuaCallStack stack, LuaCallStack.Frame frame) {
        Prototype p = frame.closure().p;
        LineBreakpoint b = breakpoints.at(p.source == null ? "" : p.source.tojstring(), frame.line());
        if (b == null) {
            return false;
        }
        String problem = null;
        if (b.condition() != null) {
            try {
                if (!evaluator.evaluate(board, frame, b.condition()).toboolean()) {
                    return false;
                }
            } catch (RuntimeException e) {
                problem = "the breakpoint's condition failed: " + e.getMessage();
            }
        }
        int hits = breakpoints.hit(b);
        if (problem == null && b.hits() != null && !b.hits().stopsAt(hits)) {
            return false;
        }
        if (problem == null && b.logMessage() != null) {
            events.log(evaluator.interpolate(board, frame, b.logMessage()));
            return false;
        }
        suspend(new BoardStop("breakpoint", "Paused on breakpoint", problem, stack, frames(stack),
                board.scheduler().currentTask(), board.clockMicros(), b.id()));
        return true;
    }

    private boolean stepEnds(LuaCallStack stack, LuaCallStack.Frame frame) {
        boolean newTask = board.scheduler().tasksRun() != stepTasks || board.boots() != stepBoots;
        int depth = stack.depth();
        boolean here = stack == stepStack;
        return switch (step) {
            case IN -> {
                if (awaitingCallback) {
                    yield callbacks.contains(frame.closure());
                }
                if (!newTask && here && depth <= stepDepth && !callbacks.isEmpty()) {
                    // the line handed the firmware a callback and entered no Lua: step on into it when it runs
                    awaitingCallback = true;
                    yield false;
                }
                yield true;
            }
            case OVER -> newTask || here && depth <= stepDepth;
            case OUT -> newTask || here && depth < stepDepth;
            case NEXT_TASK -> newTask;
            case CONTINUE -> false;
        };
    }

    @Override
    public void javaCall(LuaCallStack stack, LuaCallStack.Frame caller) {
        if (step != StepMode.IN || awaitingCallback || stack != stepStack || stack.depth() != stepDepth) {
            return;
        }
        // the call's arguments: registers A+1 .. A+B-1 (B = 0: up to the top, scan what is there)
        int i = caller.closure().p.code[caller.pc()];
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        LuaValue[] registers = caller.registers();
        int end = b == 0 ? registers.length : Math.min(registers.length, a + b);
        for (int r = a + 1; r < end; r++) {
            if (registers[r] instanceof LuaClosure c) {
                callbacks.add(c);
            }
        }
    }

    @Override
    public void error(LuaCallStack stack, boolean memory, boolean caught, String message) {
        String filter = memory ? OUT_OF_MEMORY : caught ? CAUGHT_ERROR : UNCAUGHT_ERROR;
        if (!exceptionFilters.contains(filter)) {
            return;
        }
        String description = memory ? "PANIC: out of memory" : caught ? "Lua error (caught)" : "Lua error";
        suspend(new BoardStop("exception", description, message, stack, frames(stack), board.scheduler().currentTask(),
                board.clockMicros(), 0));
    }

    @Override
    public void watchdog() {
        if (!exceptionFilters.contains(WATCHDOG)) {
            return;
        }
        LuaCallStack stack = board.lua().hooks().stack();
        suspend(new BoardStop("exception", "Watchdog reset",
                "the task ran past 500 ms without yielding; the chip resets when it goes on", stack.depth() == 0 ? null : stack,
                frames(stack), board.scheduler().currentTask(), board.clockMicros(), 0));
    }

    @Override
    public void poll() {
        if (ended) {
            throw new SessionEnded();
        }
        int version = breakpoints.version();
        if (version != seenBreakpoints) {
            seenBreakpoints = version;
            board.lua().hooks().refreshBreakpoints();
        }
        if (pauseRequested) {
            pauseRequested = false;
            LuaCallStack stack = board.lua().hooks().stack();
            boolean inLua = board.scheduler().isRunning() && stack.depth() > 0;
            suspend(new BoardStop("pause", inLua ? "Paused" : "Paused between tasks", null, inLua ? stack : null,
                    inLua ? frames(stack) : List.of(), board.scheduler().currentTask(), board.clockMicros(), 0));
        }
    }

    private static List<LuaCallStack.Frame> frames(LuaCallStack stack) {
        List<LuaCallStack.Frame> frames = new ArrayList<>();
        for (int level = 1; level <= stack.depth(); level++) {
            frames.add(stack.frame(level));
        }
        return frames;
    }

    /** Holds the board's thread here, answering the client's questions, until told to go on. */
    private void suspend(BoardStop at) {
        step = StepMode.CONTINUE;
        callbacks.clear();
        awaitingCallback = false;
        board.lua().hooks().setLineEvents(false);
        resumed = false;
        stop = at;
        long since = System.nanoTime();
        events.stopped(at);
        try {
            while (!resumed) {
                commands.take().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
        } finally {
            stop = null;
            events.resumed(System.nanoTime() - since);
        }
        if (ended) {
            throw new SessionEnded();
        }
    }

    /** Evaluates {@code expression} in {@code frame} of the stopped board (board thread only). */
    LuaValue evaluate(LuaCallStack.Frame frame, String expression) {
        return evaluator.evaluate(board, frame, expression);
    }
}
