package pearl.emulator.heap;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.LuaObjectSizes;
import pearl.emulator.lua.CoroutineLibrary;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaCallStack;
import pearl.emulator.lua.RomTable;
import pearl.emulator.lua.VmHooks;

/**
 * One mark phase over a board's Lua objects, adding up what each would take on a 32-bit Lua 5.1
 * heap ({@link LuaObjectSizes}). Every object counts once (by identity); every distinct string
 * content counts once (Lua interns strings). ROM tables and the library functions in them are in
 * flash and cost nothing. LuaJ's 5.2-style {@code _ENV} upvalue is a 5.1 function environment,
 * which costs no upvalue. Iterative, so deep structures (long linked lists) do not overflow the
 * Java stack.
 */
public final class HeapWalk {

    /** Lua 5.1 Proto on 32 bits: header, 7 pointers, 8 ints, gclist, 4 bytes. */
    public static final int PROTO = 76;
    /** A C closure with no upvalues; each upvalue adds a value. */
    public static final int C_CLOSURE = 20;
    /** A LocVar: name pointer, startpc, endpc. */
    public static final int LOCVAR = 12;
    /** Payload assumed for a firmware userdata whose size the emulator does not know. */
    public static final int DEFAULT_USERDATA_PAYLOAD = 24;
    /** Lua 5.1's first stack: BASIC_STACK_SIZE (40) plus EXTRA_STACK (5) slots. */
    private static final int BASIC_STACK = 40;
    private static final int EXTRA_STACK = 5;
    private static final int BASIC_CI = 8;
    private static final int CALLINFO = 24;

    private static final LuaString MODE = LuaString.valueOf("__mode");
    private static final LuaString ENV = LuaString.valueOf("_ENV");

    private final LuaObjectSizes sizes;
    private final VmHooks hooks;
    private final Set<LuaString> fixedStrings;
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>(1024);
    private final HashSet<LuaString> strings = new HashSet<>(1024);
    private final ArrayDeque<Object> work = new ArrayDeque<>();

    long stringBytes;
    long tableBytes;
    long closureBytes;
    long protoBytes;
    long upvalueBytes;
    long userdataBytes;
    long threadBytes;
    int tables;
    int closures;
    int protos;
    int userdata;
    int threads;

    /**
     * A walk measuring with {@code sizes}, reading call stacks from {@code hooks}; strings in
     * {@code fixedStrings} (reserved words, metamethod names) are part of the state and not counted.
     */
    public HeapWalk(LuaObjectSizes sizes, VmHooks hooks, Set<LuaString> fixedStrings) {
        this.sizes = sizes;
        this.hooks = hooks;
        this.fixedStrings = fixedStrings;
    }

    /** Objects in flash (the Lua Flash Store's prototypes): reachable, but costing no heap. */
    public HeapWalk inFlash(Iterable<?> objects) {
        for (Object o : objects) {
            first(o);
        }
        return this;
    }

    /** Marks {@code v} and everything reachable from it. */
    public HeapWalk value(LuaValue v) {
        mark(v);
        drain();
        return this;
    }

    /** Marks what the frames of {@code stack} hold; {@code innermostRunning} when its innermost frame is executing an instruction (not calling). */
    public HeapWalk stack(LuaCallStack stack, boolean innermostRunning) {
        if (stack != null) {
            markStack(stack, innermostRunning);
            drain();
        }
        return this;
    }

    // ------------------------------------------------------------------ results

    /** Whether the walk reached {@code object}. */
    public boolean reached(Object object) {
        return seen.containsKey(object);
    }

    /** Bytes of the objects marked. */
    public long total() {
        return stringBytes + tableBytes + closureBytes + protoBytes + upvalueBytes + userdataBytes + threadBytes;
    }

    public long stringBytes() {
        return stringBytes;
    }

    public long tableBytes() {
        return tableBytes;
    }

    public long closureBytes() {
        return closureBytes;
    }

    public long protoBytes() {
        return protoBytes;
    }

    public long upvalueBytes() {
        return upvalueBytes;
    }

    public long userdataBytes() {
        return userdataBytes;
    }

    public long threadBytes() {
        return threadBytes;
    }

    /** Distinct strings marked (not counting the fixed ones). */
    public int strings() {
        return strings.size();
    }

    public int tables() {
        return tables;
    }

    public int closures() {
        return closures;
    }

    public int protos() {
        return protos;
    }

    public int userdata() {
        return userdata;
    }

    public int threads() {
        return threads;
    }

    // ------------------------------------------------------------------ marking

    private boolean first(Object o) {
        return seen.put(o, Boolean.TRUE) == null;
    }

    private void mark(LuaValue v) {
        if (v == null) {
            return;
        }
        switch (v.type()) {
            case LuaValue.TSTRING:
                if (v instanceof LuaString s) {
                    string(s);
                }
                return;
            case LuaValue.TTABLE:
                if (!(v instanceof RomTable) && first(v)) {
                    work.push(v);
                }
                return;
            case LuaValue.TFUNCTION:
            case LuaValue.TUSERDATA:
            case LuaValue.TTHREAD:
                if (first(v)) {
                    work.push(v);
                }
                return;
            default:
                // nil, booleans, numbers, light userdata: inside the value itself
        }
    }

    private void string(LuaString s) {
        if (s != null && !fixedStrings.contains(s) && strings.add(s)) {
            stringBytes += sizes.string(s.m_length);
        }
    }

    private void drain() {
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (o instanceof LuaTable t) {
                table(t);
            } else if (o instanceof LuaClosure c) {
                closure(c);
            } else if (o instanceof Prototype p) {
                proto(p);
            } else if (o instanceof LuaFunction f) {
                javaFunction(f);
            } else if (o instanceof LuaUserdata u) {
                userdata(u);
            } else if (o instanceof LuaThread t) {
                thread(t);
            }
        }
    }

    private void table(LuaTable t) {
        tables++;
        int array = LuaJTables.arraySlots(t);
        int slots = array == 2 && t.rawget(2).isnil() ? 1 : array; // LuaJ gives one item 2 slots, Lua 1
        int nodes = LuaJTables.hashNodes(t);
        if (nodes == 2 && LuaJTables.hashEntries(t) <= 1) {
            nodes = 1; // LuaJ's least hash part is 2 nodes, Lua's is 1
        }
        tableBytes += sizes.table(slots, nodes);
        LuaValue meta = t.getmetatable();
        boolean weakKeys = false;
        boolean weakValues = false;
        if (meta != null) {
            mark(meta);
            LuaValue mode = meta instanceof LuaTable m ? m.rawget(MODE) : LuaValue.NIL;
            if (mode.isstring()) {
                String m = mode.tojstring();
                weakKeys = m.indexOf('k') >= 0;
                weakValues = m.indexOf('v') >= 0;
            }
        }
        for (int i = 1; i <= array; i++) {
            LuaValue v = t.rawget(i);
            if (!weakValues || v.isstring()) {
                mark(v);
            }
        }
        LuaValue k = array == 0 ? LuaValue.NIL : LuaValue.valueOf(array);
        while (true) {
            Varargs n = t.next(k);
            k = n.arg1();
            if (k.isnil()) {
                break;
            }
            if (!weakKeys || k.isstring()) {
                mark(k);
            }
            LuaValue v = n.arg(2);
            if (!weakValues || v.isstring()) {
                mark(v);
            }
        }
    }

    /** Index of the upvalue that is LuaJ's {@code _ENV} (a 5.1 environment), or -1. */
    static boolean isEnv(Prototype p, int i, UpValue u) {
        if (p.upvalues != null && i < p.upvalues.length && p.upvalues[i] != null && p.upvalues[i].name != null) {
            return ENV.raweq(p.upvalues[i].name);
        }
        return u != null && u.getValue() instanceof Globals;
    }

    /** Upvalues a 5.1 closure of {@code p} has (LuaJ's {@code _ENV} is not one). */
    public static int upvalues51(Prototype p) {
        int n = 0;
        int count = p.upvalues == null ? 0 : p.upvalues.length;
        for (int i = 0; i < count; i++) {
            if (p.upvalues[i].name == null || !ENV.raweq(p.upvalues[i].name)) {
                n++;
            }
        }
        return n;
    }

    private void closure(LuaClosure c) {
        closures++;
        Prototype p = c.p;
        closureBytes += sizes.luaClosure(upvalues51(p));
        if (first(p)) {
            work.push(p);
        }
        UpValue[] ups = c.upValues;
        if (ups == null) {
            return;
        }
        for (int i = 0; i < ups.length; i++) {
            UpValue u = ups[i];
            if (u == null) {
                continue;
            }
            if (isEnv(p, i, u)) {
                mark(u.getValue());
            } else if (first(u)) {
                upvalueBytes += sizes.upvalue();
                mark(u.getValue());
            }
        }
    }

    private void proto(Prototype p) {
        protos++;
        long bytes = PROTO;
        bytes += 4L * len(p.code) + (long) sizes.value() * len(p.k) + 4L * len(p.p) + 4L * len(p.lineinfo)
                + (long) LOCVAR * len(p.locvars);
        if (p.k != null) {
            for (LuaValue k : p.k) {
                mark(k);
            }
        }
        if (p.p != null) {
            for (Prototype child : p.p) {
                if (child != null && first(child)) {
                    work.push(child);
                }
            }
        }
        if (p.locvars != null) {
            for (var l : p.locvars) {
                if (l != null) {
                    string(l.varname);
                }
            }
        }
        if (p.upvalues != null) {
            for (var u : p.upvalues) {
                if (u != null && u.name != null && !ENV.raweq(u.name)) {
                    bytes += 4;
                    string(u.name);
                }
            }
        }
        string(p.source);
        protoBytes += bytes;
    }

    private static int len(Object[] a) {
        return a == null ? 0 : a.length;
    }

    private static int len(int[] a) {
        return a == null ? 0 : a.length;
    }

    private void javaFunction(LuaFunction f) {
        if (f instanceof LibraryFunction l && l.upvalues() != null) {
            closures++;
            closureBytes += C_CLOSURE + (long) sizes.value() * l.upvalues().length;
            for (LuaValue v : l.upvalues()) {
                mark(v);
            }
        }
        // a library function: a light function or in flash
    }

    private void userdata(LuaUserdata u) {
        userdata++;
        Object o = u.m_instance;
        int payload;
        if (o instanceof HeapSized s) {
            payload = s.heapBytes();
            s.references(this::mark);
        } else if (o == null || o.getClass() == Object.class) {
            payload = 0; // newproxy
        } else {
            payload = DEFAULT_USERDATA_PAYLOAD;
        }
        userdataBytes += sizes.userdata(payload);
        mark(u.m_metatable);
    }

    private void thread(LuaThread t) {
        threads++;
        LuaCallStack stack = hooks.stackOfThread(t);
        threadBytes += sizes.thread() + stackGrowth(stack);
        if (!"dead".equals(t.getStatus())) {
            LuaValue f = CoroutineLibrary.functionOf(t);
            mark(f != null ? f : t.state.function);
        }
        if (stack != null) {
            markStack(stack, false);
        }
    }

    /** Bytes a thread's stack and CallInfo array have grown by beyond the first ones, for its frames. */
    public long stackGrowth(LuaCallStack stack) {
        if (stack == null) {
            return 0;
        }
        int depth = stack.depth();
        int slots = 1;
        for (int level = 1; level <= depth; level++) {
            LuaCallStack.Frame f = stack.frame(level);
            slots += f.closure().p.maxstacksize + 1;
        }
        int size = BASIC_STACK;
        while (slots > size) {
            size *= 2;
        }
        int ci = BASIC_CI;
        while (depth + 1 > ci) {
            ci *= 2;
        }
        return (long) (size - BASIC_STACK) * sizes.value() + (long) (ci - BASIC_CI) * CALLINFO;
    }

    private void markStack(LuaCallStack stack, boolean innermostRunning) {
        int depth = stack.depth();
        for (int level = 1; level <= depth; level++) {
            LuaCallStack.Frame f = stack.frame(level);
            mark(f.closure());
            LuaValue[] registers = f.registers();
            if (registers == null) {
                continue;
            }
            int live = liveRegisters(f, level == 1, level == 1 && innermostRunning);
            for (int r = 0; r < live && r < registers.length; r++) {
                mark(registers[r]);
            }
        }
    }

    /**
     * How many registers of a frame Lua 5.1's collector would see: those below the called
     * function's slot for a frame that is calling (the callee's own registers follow), with the
     * arguments for the innermost frame when it calls a library function; all of them while the
     * frame runs an instruction itself.
     */
    private static int liveRegisters(LuaCallStack.Frame f, boolean innermost, boolean running) {
        int all = f.registers().length;
        if (running) {
            return all;
        }
        int[] code = f.closure().p.code;
        int pc = f.pc();
        if (pc < 0 || pc >= code.length) {
            return all;
        }
        int i = code[pc];
        int op = Lua.GET_OPCODE(i);
        int a = Lua.GETARG_A(i);
        if (op == Lua.OP_CALL || op == Lua.OP_TAILCALL) {
            if (!innermost) {
                return a + 1;
            }
            int b = Lua.GETARG_B(i);
            return b == 0 ? all : a + b;
        }
        if (op == Lua.OP_TFORCALL) {
            return innermost ? a + 3 : a + 1;
        }
        return all;
    }
}
