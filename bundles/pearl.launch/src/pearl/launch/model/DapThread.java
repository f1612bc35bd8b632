package pearl.launch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

/**
 * A thread of the adapter; for Pearl the one thread, the board. Its frames are fetched when first
 * asked for after a stop and kept until it runs again.
 */
public final class DapThread extends DapDebugElement implements IThread {

    private static final IBreakpoint[] NO_BREAKPOINTS = new IBreakpoint[0];

    private final int id;
    private final String name;
    private volatile boolean suspended;
    private volatile boolean stepping;
    private volatile boolean terminated;
    private volatile List<DapStackFrame> frames;
    private volatile IBreakpoint[] hit = NO_BREAKPOINTS;
    private volatile String stopReason;
    private volatile String stopText;

    DapThread(DapDebugTarget target, int id, String name) {
        super(target);
        this.id = id;
        this.name = name;
    }

    /** The adapter's id of this thread. */
    public int id() {
        return id;
    }

    // ------------------------------------------------------------------ events

    /** The adapter stopped: the reason becomes the suspend event's detail. */
    void onStopped(StoppedEventArguments stop) {
        frames = null;
        stopReason = stop.getReason();
        stopText = stop.getText() != null ? stop.getText() : stop.getDescription();
        hit = dap().breakpointSync().breakpointsOf(stop.getHitBreakpointIds());
        stepping = false;
        suspended = true;
        fireSuspendEvent(detailOf(stop.getReason()));
    }

    /** How Eclipse names a DAP stop reason. */
    static int detailOf(String reason) {
        if (reason == null) {
            return DebugEvent.UNSPECIFIED;
        }
        return switch (reason) {
            case "breakpoint", "exception", "function breakpoint", "data breakpoint", "instruction breakpoint" -> DebugEvent.BREAKPOINT;
            case "step" -> DebugEvent.STEP_END;
            case "pause" -> DebugEvent.CLIENT_REQUEST;
            default -> DebugEvent.UNSPECIFIED;
        };
    }

    /** The adapter let the board run of its own accord (not at a request of ours). */
    void onContinued() {
        if (!suspended) {
            return;
        }
        suspended = false;
        stepping = false;
        frames = null;
        hit = NO_BREAKPOINTS;
        fireResumeEvent(DebugEvent.UNSPECIFIED);
    }

    /**
     * Something ran on the stopped board (a line typed in the console): the values shown may be
     * stale, so they are fetched again, and the views are told.
     */
    void contentChanged() {
        List<DapStackFrame> known = frames;
        if (known != null) {
            known.forEach(DapStackFrame::forgetVariables);
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }

    void onTerminated() {
        terminated = true;
        suspended = false;
        stepping = false;
        frames = null;
        fireTerminateEvent();
    }

    /** Why the board stopped last ({@code breakpoint}, {@code step}, {@code exception}, ...), or null. */
    public String stopReason() {
        return suspended ? stopReason : null;
    }

    /** The adapter's words about the last stop (an exception's message), or null. */
    public String stopText() {
        return suspended ? stopText : null;
    }

    // ------------------------------------------------------------------ running

    @Override
    public boolean canResume() {
        return suspended && !terminated;
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !terminated;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void resume() throws DebugException {
        go(DebugEvent.CLIENT_REQUEST, false, () -> dap().server().continue_(continueArgs()));
    }

    /** Runs on to the first line of the next task that runs Lua code. */
    public void continueToNextTask() throws DebugException {
        go(DebugEvent.CLIENT_REQUEST, true, () -> dap().server().continueToNextTask(continueArgs()));
    }

    private ContinueArguments continueArgs() {
        ContinueArguments args = new ContinueArguments();
        args.setThreadId(id);
        return args;
    }

    @Override
    public void suspend() throws DebugException {
        if (!canSuspend()) {
            return;
        }
        PauseArguments args = new PauseArguments();
        args.setThreadId(id);
        // the stop comes as an event
        answer(dap().server().pause(args));
    }

    @Override
    public boolean canStepInto() {
        return canResume();
    }

    @Override
    public boolean canStepOver() {
        return canResume();
    }

    @Override
    public boolean canStepReturn() {
        return canResume();
    }

    @Override
    public boolean isStepping() {
        return stepping;
    }

    @Override
    public void stepInto() throws DebugException {
        StepInArguments args = new StepInArguments();
        args.setThreadId(id);
        go(DebugEvent.STEP_INTO, true, () -> dap().server().stepIn(args));
    }

    @Override
    public void stepOver() throws DebugException {
        NextArguments args = new NextArguments();
        args.setThreadId(id);
        go(DebugEvent.STEP_OVER, true, () -> dap().server().next(args));
    }

    @Override
    public void stepReturn() throws DebugException {
        StepOutArguments args = new StepOutArguments();
        args.setThreadId(id);
        go(DebugEvent.STEP_RETURN, true, () -> dap().server().stepOut(args));
    }

    /**
     * Lets the board run. The thread counts as running before the request goes out: the next stop
     * may come (a short step) before the request's answer does, and must not be overwritten by it.
     */
    private void go(int detail, boolean step, Supplier<CompletableFuture<?>> request) throws DebugException {
        if (!canResume()) {
            throw failure("the board is not stopped", null);
        }
        suspended = false;
        stepping = step;
        frames = null;
        hit = NO_BREAKPOINTS;
        fireResumeEvent(detail);
        try {
            answer(request.get());
        } catch (DebugException e) {
            // refused: the board still stands where it stood
            stepping = false;
            suspended = !terminated;
            fireSuspendEvent(DebugEvent.CLIENT_REQUEST);
            throw e;
        }
    }

    // ------------------------------------------------------------------ frames

    @Override
    public IStackFrame[] getStackFrames() throws DebugException {
        return frames().toArray(IStackFrame[]::new);
    }

    private List<DapStackFrame> frames() throws DebugException {
        if (!suspended) {
            return List.of();
        }
        List<DapStackFrame> known = frames;
        if (known != null) {
            return known;
        }
        StackTraceArguments args = new StackTraceArguments();
        args.setThreadId(id);
        StackFrame[] stack = answer(dap().server().stackTrace(args)).getStackFrames();
        List<DapStackFrame> fetched = new ArrayList<>();
        for (int i = 0; i < stack.length; i++) {
            fetched.add(new DapStackFrame(this, stack[i], i));
        }
        if (suspended) {
            frames = fetched;
        }
        return fetched;
    }

    /** The top frame if the frames were fetched already; never asks the adapter. */
    DapStackFrame cachedTopFrame() {
        List<DapStackFrame> known = frames;
        return known == null || known.isEmpty() ? null : known.get(0);
    }

    @Override
    public boolean hasStackFrames() throws DebugException {
        return suspended;
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        List<DapStackFrame> all = frames();
        return all.isEmpty() ? null : all.get(0);
    }

    @Override
    public int getPriority() throws DebugException {
        return 0;
    }

    @Override
    public String getName() throws DebugException {
        return name;
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        return hit;
    }

    // ------------------------------------------------------------------ ending: the target's

    @Override
    public boolean canTerminate() {
        return getDebugTarget().canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        getDebugTarget().terminate();
    }
}
