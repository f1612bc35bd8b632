package pearl.emulator.lua;

import static org.luaj.vm2.Lua.GETARG_A;
import static org.luaj.vm2.Lua.GET_OPCODE;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.Lua51Hooks;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Installed as LuaJ's debug library, this sees every Lua call, instruction and return: it keeps
 * the {@link LuaCallStack} of each coroutine, charges each instruction's cost in CPU cycles, stops
 * the VM when the cycle budget runs out (the watchdog, a breakpoint), and gives runtime errors
 * their Lua 5.1 text. User code never sees it: the board's {@code debug} table is its own.
 */
public final class VmHooks extends DebugLib implements Lua51Hooks.ErrorHandler {

    /** Told when the cycles charged reach the limit set with {@link VmHooks#setCycleLimit}. */
    public interface CycleLimit {
        /**
         * Called on the Lua thread; may throw to stop the running code (an {@link Error}, so that
         * {@code pcall} cannot catch it), or raise the limit and return.
         */
        void reached(VmHooks hooks);
    }

    private final Globals globals;
    private final CostModel costs;
    /** {@link CostModel#instructionCosts()}: 64 entries, so any 6-bit opcode indexes it. */
    private final int[] opcodeCycles;
    private final int callCycles;
    private final LuaCallStack mainStack = new LuaCallStack();
    /*
     * The call stack of the running coroutine, for the per-call and per-instruction hooks, and the
     * thread it belongs to (null: not known, look it up at the next call). A coroutine switch
     * happens only in CoroutineLibrary's resume and yield, which call threadSwitched() when they
     * return; a coroutine's first Lua code starts with a call, where onCall sees the new thread.
     */
    private LuaCallStack current = mainStack;
    private LuaThread currentThread;
    /** Opcodes needing more than counting (bit per opcode): TAILCALL, and allocating ones when watched. */
    private long specialOpcodes = 1L << Lua.OP_TAILCALL;
    private long cycles;
    private long cycleLimit = Long.MAX_VALUE;
    private CycleLimit onLimit = hooks -> hooks.setCycleLimit(Long.MAX_VALUE);
    private LuaError lastError;
    private String lastTraceback = "";
    /** Opcodes that may allocate (bit per opcode): what {@link AllocationWatch} is told about. */
    private static final long ALLOCATING = 1L << Lua.OP_NEWTABLE | 1L << Lua.OP_CONCAT | 1L << Lua.OP_CLOSURE
            | 1L << Lua.OP_SETTABLE | 1L << Lua.OP_SETTABUP | 1L << Lua.OP_SETLIST;
    private AllocationWatch allocationWatch;
    private DebugHook debugHook;
    /** Whether every new line goes to the debug hook (stepping), not only lines with breakpoints. */
    private boolean lineEvents;

    /** Hooks for {@code globals}; install with {@link #install()}. */
    public VmHooks(Globals globals, CostModel costs) {
        this.globals = globals;
        this.costs = costs;
        this.opcodeCycles = costs.instructionCosts();
        this.callCycles = costs.call();
        if (opcodeCycles.length != 64) {
            throw new IllegalArgumentException("a cost model has 64 opcodes");
        }
    }

    /** Makes LuaJ call these hooks for every closure created under the globals. */
    public void install() {
        globals.debuglib = this;
    }

    /** The call stack of the running coroutine. */
    public LuaCallStack stack() {
        return stackOf(globals.running);
    }

    private LuaCallStack stackOf(LuaThread thread) {
        if (thread == null || thread.isMainThread()) {
            return mainStack;
        }
        Object s = thread.callstack;
        if (s instanceof LuaCallStack stack) {
            return stack;
        }
        LuaCallStack stack = new LuaCallStack();
        thread.callstack = stack;
        return stack;
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        LuaThread running = globals.running;
        LuaCallStack s = current;
        if (running != currentThread) {
            s = current = stackOf(running);
            currentThread = running;
        }
        s.push(c, stack);
        if (debugHook != null) {
            s.topFrame.breakpoints = debugHook.breakpoints(c.p);
        }
        charge(callCycles);
    }

    /**
     * Coroutine switches end here: {@link CoroutineLibrary} calls this when a resume returns to
     * the resumer and when a yield returns inside the resumed coroutine, on that thread.
     */
    void threadSwitched() {
        LuaThread running = globals.running;
        LuaCallStack s = stackOfThread(running);
        if (s == null) {
            // no Lua code has run in it: its first will be a call, which makes the stack
            currentThread = null;
            current = mainStack;
        } else {
            currentThread = running;
            current = s;
        }
    }

    @Override
    public void onCall(LuaFunction f) {
        // Java functions are not frames here; pcall and xpcall are the board's own
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        LuaCallStack stack = current;
        if (stack.tailValid) {
            stack.tailValid = false;
        }
        LuaCallStack.Frame frame = stack.topFrame;
        frame.pc = pc;
        if (frame.breakpoints != null || lineEvents) {
            traceLine(stack, frame, pc);
            if (lineEvents) {
                callingJava(stack, frame, stack.topCode[pc]);
            }
        }
        int i = stack.topCode[pc];
        int op = GET_OPCODE(i);
        long c = cycles + opcodeCycles[op];
        if ((specialOpcodes >>> op & 1L) == 0 && c < cycleLimit) {
            cycles = c;
            return;
        }
        slowInstruction(stack, frame, i, op);
    }

    /**
     * Lua 5.1's line event for the debug hook: entry, a jump back, or a new line. One exception:
     * going forward to the line of the event before last is the rest of a statement split over
     * lines (a call whose last argument is a multi-line function), not a new line to stop at.
     */
    private void traceLine(LuaCallStack stack, LuaCallStack.Frame frame, int pc) {
        int[] lines = frame.closure.p.lineinfo;
        int old = frame.tracedPc;
        frame.tracedPc = pc;
        boolean noLines = lines == null || lines.length <= pc;
        int line = noLines ? -1 : lines[pc];
        boolean newLine = old < 0 || pc <= old || noLines || line != frame.tracedLine;
        if (!newLine) {
            return;
        }
        boolean backToStatement = !noLines && old >= 0 && pc > old && line == frame.previousLine;
        frame.previousLine = frame.tracedLine;
        frame.tracedLine = line;
        if (backToStatement) {
            return;
        }
        boolean[] breakpoints = frame.breakpoints;
        boolean breakpoint = breakpoints != null && pc < breakpoints.length && breakpoints[pc];
        if (breakpoint || lineEvents) {
            debugHook.line(stack, frame, breakpoint);
        }
    }

    /** While stepping: tells the debug hook when the instruction calls a function that is not Lua code. */
    private void callingJava(LuaCallStack stack, LuaCallStack.Frame frame, int i) {
        int op = GET_OPCODE(i);
        if (op != Lua.OP_CALL && op != Lua.OP_TAILCALL) {
            return;
        }
        int a = GETARG_A(i);
        LuaValue callee = a < frame.registers.length ? frame.registers[a] : null;
        if (callee instanceof LuaFunction && !(callee instanceof LuaClosure)) {
            debugHook.javaCall(stack, frame);
        }
    }

    /**
     * Attaches a debugger (or detaches it, with null). Frames already running learn their
     * breakpoints at the next {@link #refreshBreakpoints}.
     */
    public void setDebugHook(DebugHook hook) {
        this.debugHook = hook;
        lineEvents = false;
        refreshBreakpoints();
        if (hook != null) {
            hook.attached(this);
        }
    }

    /** Whether every new line goes to the debug hook (while stepping), or only breakpoints' lines. */
    public void setLineEvents(boolean on) {
        lineEvents = on && debugHook != null;
    }

    /**
     * Asks the debug hook again for the breakpoints of every function running on the main
     * thread's stack (after breakpoints changed). Call it on the board's thread.
     */
    public void refreshBreakpoints() {
        DebugHook hook = debugHook;
        mainStack.forEachFrame(f -> f.breakpoints = hook == null ? null : hook.breakpoints(f.closure.p));
        if (current != mainStack) {
            current.forEachFrame(f -> f.breakpoints = hook == null ? null : hook.breakpoints(f.closure.p));
        }
    }

    /**
     * Runs debugger work that calls Lua (a breakpoint's condition, a watch expression) beside the
     * paused program: it costs no CPU time, raises no debug events, and leaves the error state of
     * the program as it was.
     */
    public <T> T aside(java.util.function.Supplier<T> work) {
        long savedCycles = cycles;
        long savedLimit = cycleLimit;
        CycleLimit savedAction = onLimit;
        DebugHook savedHook = debugHook;
        boolean savedLineEvents = lineEvents;
        LuaError savedError = lastError;
        String savedTraceback = lastTraceback;
        AllocationWatch savedWatch = allocationWatch;
        cycleLimit = Long.MAX_VALUE;
        debugHook = null;
        lineEvents = false;
        setAllocationWatch(null);
        try {
            return work.get();
        } finally {
            cycles = savedCycles;
            cycleLimit = savedLimit;
            onLimit = savedAction;
            debugHook = savedHook;
            lineEvents = savedLineEvents;
            lastError = savedError;
            lastTraceback = savedTraceback;
            setAllocationWatch(savedWatch);
        }
    }

    /** {@link #onInstruction} for a tail call, a watched allocation or the cycle limit reached. */
    private void slowInstruction(LuaCallStack stack, LuaCallStack.Frame frame, int i, int op) {
        if (op == Lua.OP_TAILCALL) {
            tailCall(stack, frame, GETARG_A(i));
        } else if ((ALLOCATING >>> op & 1L) != 0 && allocationWatch != null) {
            allocationWatch.instruction(frame, i, op);
        }
        charge(opcodeCycles[op]);
    }

    private static void tailCall(LuaCallStack stack, LuaCallStack.Frame frame, int a) {
        LuaValue f = frame.registers[a];
        if (!f.isfunction() && f.metatag(LuaValue.CALL).isnil()) {
            // LuaJ would find out only after leaving this frame; 5.1 reports it here
            throw new LuaError("attempt to call " + f.typename());
        }
        if (f instanceof LuaClosure) {
            stack.pendingTailCall = true;
        } else {
            stack.tailCall(frame);
        }
    }

    @Override
    public void onReturn() {
        current.pop();
    }

    /** Adds work done outside the VM loop (library functions), in cycles. */
    public void charge(long work) {
        long c = cycles + work;
        cycles = c;
        if (c >= cycleLimit) {
            onLimit.reached(this);
        }
    }

    /** Tells {@code watch} (or nobody, if null) about allocations from now on. */
    public void setAllocationWatch(AllocationWatch watch) {
        this.allocationWatch = watch;
        specialOpcodes = watch == null ? 1L << Lua.OP_TAILCALL : 1L << Lua.OP_TAILCALL | ALLOCATING;
    }

    /** A library function is about to allocate about {@code bytes}; may raise {@link LuaMemoryError}. */
    public void allocate(long bytes) {
        if (allocationWatch != null) {
            allocationWatch.allocate(bytes);
        }
    }

    /** The call stack of the main thread. */
    public LuaCallStack mainStack() {
        return mainStack;
    }

    /** The call stack of {@code thread}, or null for a coroutine that has not run Lua code yet. */
    public LuaCallStack stackOfThread(LuaThread thread) {
        if (thread == null || thread.isMainThread()) {
            return mainStack;
        }
        return thread.callstack instanceof LuaCallStack stack ? stack : null;
    }

    /** Cycles charged since the hooks were made. */
    public long cycles() {
        return cycles;
    }

    /** Calls {@code action} once the cycle count reaches {@code limit}. */
    public void setCycleLimit(long limit, CycleLimit action) {
        this.cycleLimit = limit;
        this.onLimit = action;
    }

    /** Moves the limit, keeping the action. */
    public void setCycleLimit(long limit) {
        this.cycleLimit = limit;
    }

    /** The cost model charged per instruction. */
    public CostModel costs() {
        return costs;
    }

    @Override
    public void onError(LuaError error, LuaClosure closure, int pc) {
        if (error instanceof LuaMemoryError) {
            // 5.1 gives a memory error no position and runs no handler (no traceback)
            Lua51Hooks.setMessage(error, LuaMemoryError.MESSAGE);
            if (debugHook != null && lastError != error) {
                lastError = error;
                lastTraceback = "";
                debugHook.error(stack(), true, isCaught(), LuaMemoryError.MESSAGE);
            }
            return;
        }
        LuaCallStack stack = stack();
        boolean first = lastError != error;
        if (first) {
            lastError = error;
            lastTraceback = Tracebacks.of(stack, 1, true);
        }
        if (error instanceof ErrorValue) {
            Lua51Hooks.setMessage(error, error.getMessage());
            if (first) {
                if (debugHook != null) {
                    debugHook.error(stack, false, isCaught(), error.getMessage());
                }
                runMessageHandler(stack, error);
            }
            return;
        }
        LuaCallStack.Frame frame = stack.innermost();
        if (frame != null && frame != stack.top()) {
            // raised by a Java function tail-called from the frame LuaJ has already left
            closure = frame.closure;
            pc = frame.pc;
        }
        LuaValue[] registers = frame != null && frame.closure == closure ? frame.registers : null;
        String message = Lua51Hooks.rawMessage(error);
        if (error instanceof ArgumentError argument) {
            message = argument.describe(calledName(closure, pc));
        } else {
            message = RuntimeErrors.rewrite(message, closure, registers, pc);
        }
        int[] lines = closure.p.lineinfo;
        int line = lines != null && pc >= 0 && pc < lines.length ? lines[pc] : -1;
        String where = line < 0 ? "" : ChunkNames.shortSource(closure.p.source) + ":" + line + ": ";
        Lua51Hooks.setMessage(error, where + message);
        if (first) {
            if (debugHook != null) {
                debugHook.error(stack, false, isCaught(), where + message);
            }
            runMessageHandler(stack, error);
        }
    }

    /** Whether an error raised now is caught in Lua: a pcall or xpcall is active, or a coroutine runs. */
    private boolean isCaught() {
        LuaCallStack stack = stack();
        return stack != mainStack || stack.boundaries > 0;
    }

    /** Runs the innermost xpcall's handler on the error's final message, if no pcall opened since catches it first. */
    private void runMessageHandler(LuaCallStack stack, LuaError error) {
        LuaCallStack.MessageHandler handler = stack.handlers.peekLast();
        if (handler == null || handler.boundary != stack.boundaries || handler.handled != null) {
            return;
        }
        try {
            handler.result = handler.function.call(BaseLibrary.messageOf(error));
            handler.handled = error;
        } catch (LuaError inHandler) {
            // left to xpcall, which runs the handler again after unwinding
        }
    }

    /**
     * Gives an error caught by Java code (pcall, a task runner) its 5.1 text if no Lua frame did:
     * that happens when a Java function tail-called from Lua raised it, after LuaJ left the frame.
     */
    public void finish(LuaError error) {
        LuaCallStack stack = stack();
        LuaCallStack.Frame frame = stack.innermost();
        if (!Lua51Hooks.isPositioned(error) && frame != null && frame != stack.top()) {
            onError(error, frame.closure, frame.pc);
        }
        stack.endTailCall();
    }

    /**
     * The frame at {@code level} (1 = innermost) if the call chain from it to the running Java
     * function {@code function} is all Lua; null when a Java function sits between, as when
     * {@code pcall(error, "x")} runs: Lua 5.1 gives such levels no position.
     */
    public LuaCallStack.Frame luaCaller(LuaValue function, int level) {
        LuaCallStack stack = stack();
        LuaValue callee = function;
        for (int l = 1; l <= level; l++) {
            LuaCallStack.Frame frame = stack.frame(l);
            if (frame == null || !calls(frame, callee)) {
                return null;
            }
            callee = frame.closure;
        }
        return stack.frame(level);
    }

    private static boolean calls(LuaCallStack.Frame frame, LuaValue callee) {
        return frame.callee() == callee;
    }

    /** The name a function was called by at instruction {@code pc} of {@code caller}, or null. */
    static VariableNames.Name calledName(LuaClosure caller, int pc) {
        if (pc < 0 || pc >= caller.p.code.length) {
            return null;
        }
        int i = caller.p.code[pc];
        int op = GET_OPCODE(i);
        if (op != Lua.OP_CALL && op != Lua.OP_TAILCALL && op != Lua.OP_TFORCALL) {
            return null;
        }
        return VariableNames.ofRegister(caller.p, pc, GETARG_A(i));
    }

    /**
     * The traceback of the stack as it was when {@code error} first reached a Lua frame, for
     * errors that escape to the board; empty if the error never did.
     */
    public String tracebackOf(LuaError error) {
        return error == lastError ? lastTraceback : "";
    }
}
