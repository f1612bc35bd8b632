package pearl.emulator.lua;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * The Lua frames of one coroutine, innermost last, with the instruction each is at. LuaJ keeps no
 * such stack unless asked; {@link VmHooks} maintains it so that errors, tracebacks,
 * {@code getfenv(level)} and the debugger can see where code is.
 */
public final class LuaCallStack {

    /** One active Lua function call. */
    public static final class Frame {
        LuaClosure closure;
        LuaValue[] registers;
        int pc;
        /** Entered by a Lua-to-Lua tail call: 5.1 shows {@code (tail call): ?} where its caller was. */
        boolean tailCalled;
        /** Per instruction: whether a debugger's breakpoint is on its line; null when none is in the function. */
        boolean[] breakpoints;
        /** The last instruction a debugger's line check saw in this frame, -1 before the first (5.1's oldpc). */
        int tracedPc = -1;
        /** The line of the last line event in this frame, and the one before it. */
        int tracedLine = -1;
        int previousLine = -1;

        /** Whether a tail call entered it, replacing its caller's frame. */
        public boolean tailCalled() {
            return tailCalled;
        }

        /** The function running in this frame. */
        public LuaClosure closure() {
            return closure;
        }

        /** Its registers (locals and temporaries), live while the frame runs. */
        public LuaValue[] registers() {
            return registers;
        }

        /** Index of the instruction it is executing. */
        public int pc() {
            return pc;
        }

        /** The function this frame is calling now (its instruction is a call), or null. */
        public LuaValue callee() {
            int[] code = closure.p.code;
            if (pc < 0 || pc >= code.length || registers == null) {
                return null;
            }
            int i = code[pc];
            int op = Lua.GET_OPCODE(i);
            int a = Lua.GETARG_A(i);
            return (op == Lua.OP_CALL || op == Lua.OP_TAILCALL) && a < registers.length ? registers[a] : null;
        }

        /** The source line of that instruction, or -1 without line information. */
        public int line() {
            int[] lines = closure.p.lineinfo;
            return lines != null && pc >= 0 && pc < lines.length ? lines[pc] : -1;
        }

        /** The chunk name as Lua 5.1 shows it in messages ({@code init.lua}, {@code [string "x=1"]}). */
        public String source() {
            return ChunkNames.shortSource(closure.p.source);
        }

        /** {@code source:line}, as error messages start. */
        public String where() {
            int line = line();
            return line < 0 ? "" : source() + ":" + line + ":";
        }
    }

    private Frame[] frames = new Frame[16];
    private int depth;
    /*
     * LuaJ leaves a function before running what it tail-calls; 5.1 keeps the frame for a tail
     * call to a C function. This is that frame, valid until the next instruction or call.
     */
    private final Frame tail = new Frame();
    /** Whether {@link #tail} is valid; read and cleared by {@link VmHooks} on every instruction. */
    boolean tailValid;
    /*
     * The innermost frame and its code, kept here so that VmHooks's per-instruction hook need not
     * look them up: set by push and pop, null when the stack is empty.
     */
    Frame topFrame;
    int[] topCode;
    /** A TAILCALL to a Lua function has run; the next frame pushed is its callee. */
    boolean pendingTailCall;
    /** Java calls into Lua (pcall...) now active: 5.1 cannot yield across them. */
    int boundaries;

    /**
     * An {@code xpcall}'s message handler, run where the error is raised (as 5.1 runs it, with
     * the failing frames still on the stack) when no {@code pcall} opened since catches it.
     */
    static final class MessageHandler {
        final LuaValue function;
        final int boundary;
        LuaError handled;
        LuaValue result;

        MessageHandler(LuaValue function, int boundary) {
            this.function = function;
            this.boundary = boundary;
        }
    }

    /** The active xpcalls' handlers, innermost last. */
    final java.util.ArrayDeque<MessageHandler> handlers = new java.util.ArrayDeque<>();

    void push(LuaClosure closure, LuaValue[] registers) {
        tailValid = false;
        if (depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
        }
        Frame f = frames[depth];
        if (f == null) {
            f = frames[depth] = new Frame();
        }
        f.closure = closure;
        f.registers = registers;
        f.pc = 0;
        f.tailCalled = pendingTailCall;
        f.breakpoints = null;
        f.tracedPc = -1;
        f.tracedLine = -1;
        f.previousLine = -1;
        pendingTailCall = false;
        depth++;
        topFrame = f;
        topCode = closure.p.code;
    }

    void pop() {
        if (depth > 0) {
            Frame f = frames[--depth];
            f.closure = null;
            f.registers = null;
            if (depth == 0) {
                topFrame = null;
                topCode = null;
            } else {
                Frame t = frames[depth - 1];
                topFrame = t;
                topCode = t.closure.p.code;
            }
        }
    }

    Frame top() {
        return topFrame;
    }

    /** Remembers the innermost frame as it does a tail call, see {@link #tail}. */
    void tailCall(Frame from) {
        tail.closure = from.closure;
        tail.registers = from.registers;
        tail.pc = from.pc;
        tail.tailCalled = from.tailCalled;
        tailValid = true;
    }

    void endTailCall() {
        tailValid = false;
    }

    /** The innermost frame, counting a frame that is tail-calling a Java function; or null. */
    public Frame innermost() {
        return tailValid ? tail : top();
    }

    /** Number of active Lua frames. */
    public int depth() {
        return tailValid ? depth + 1 : depth;
    }

    /**
     * The frame {@code level} steps from the innermost ({@code 1} = innermost Lua function), or
     * null when the stack is not that deep.
     */
    public Frame frame(int level) {
        if (tailValid) {
            if (level == 1) {
                return tail;
            }
            level--;
        }
        return level >= 1 && level <= depth ? frames[depth - level] : null;
    }

    /** Calls {@code action} for each active frame, innermost first (the debugger refreshing breakpoints). */
    void forEachFrame(java.util.function.Consumer<Frame> action) {
        for (int i = depth - 1; i >= 0; i--) {
            action.accept(frames[i]);
        }
    }

    /** The prototype of the innermost frame, or null. */
    Prototype topPrototype() {
        return depth == 0 ? null : frames[depth - 1].closure.p;
    }
}
