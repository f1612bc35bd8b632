package pearl.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;

import pearl.emulator.heap.HeapWalk;
import pearl.emulator.heap.LuaJTables;
import pearl.emulator.lua.AllocationWatch;
import pearl.emulator.lua.LuaCallStack;
import pearl.emulator.lua.LuaMachine;
import pearl.emulator.lua.LuaMemoryError;
import pearl.emulator.lua.RomTable;
import pearl.emulator.lua.VmHooks;

/**
 * The board's Lua heap as a 32-bit Lua 5.1 on the ESP8266 would hold it. {@link #used()} walks
 * everything reachable in the {@link LuaMachine} (globals, registry, string metatable, the call
 * stacks of the main thread and of live coroutines, upvalues, prototypes, metatables, userdata)
 * and adds up {@link LuaObjectSizes}; ROM tables and their functions are in flash and free.
 * <p>
 * As code runs, the allocating instructions report estimated sizes ({@link AllocationWatch});
 * when the estimate would pass the budget the tracker walks the heap (a full collection) and, if
 * the live objects and the new one still do not fit, raises Lua 5.1's {@code not enough memory}.
 * When that walk happens follows {@code node.egc.setmode}.
 * <p>
 * The budget is the free heap at boot: the state's own use at boot (measured when the tracker is
 * made, before {@code init.lua}) is added to it, so {@link #free()} at boot is the budget.
 */
public final class HeapTracker implements AllocationWatch {

    /** {@code node.egc} modes. */
    public static final int NOT_ACTIVE = 0;
    public static final int ON_ALLOC_FAILURE = 1;
    public static final int ON_MEM_LIMIT = 2;
    public static final int ALWAYS = 4;

    /**
     * What the state holds besides its objects: lua_State and global_State (352), the main
     * thread's first stack (45 values) and CallInfo array (8), the registry and {@code _LOADED}
     * tables, the lexer's buffer.
     */
    public static final long STATE_BYTES = 352 + 45 * 12 + 8 * 24 + 144 + 256 + 32;
    /**
     * Free bytes below which the firmware cannot report an error: the reporter pushes its
     * message (a string), calls the handler and prints (an approximation of what that takes).
     */
    public static final long REPORT_RESERVE = 128;
    /** Least virtual time between heap samples for listeners. */
    public static final long SAMPLE_MICROS = 100_000;

    private static final int MIN_STRING_SLOTS = 32;
    private static final int GC_PAUSE_PERCENT = 200;
    /** Strings every 5.1 state has from the start: reserved words, metamethod names, MEMERRMSG. */
    private static final Set<LuaString> FIXED_STRINGS = new HashSet<>();
    private static final long FIXED_STRING_BYTES;

    static {
        String[] fixed = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "if", "in",
                "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while", "__index",
                "__newindex", "__gc", "__mode", "__eq", "__add", "__sub", "__mul", "__div", "__mod", "__pow",
                "__unm", "__len", "__lt", "__le", "__concat", "__call", LuaMemoryError.MESSAGE };
        long bytes = 0;
        for (String s : fixed) {
            FIXED_STRINGS.add(LuaString.valueOf(s));
            bytes += LuaObjectSizes.floatBuild().string(s.length());
        }
        FIXED_STRING_BYTES = bytes;
    }

    private final LuaMachine lua;
    private final VmHooks hooks;
    private final LuaObjectSizes sizes = LuaObjectSizes.floatBuild();
    private final long capacity;
    private final long bootUsed;
    private int stringSlots = MIN_STRING_SLOTS;
    /** Strings in the string table at the last walk, plus those the estimate has seen made since. */
    private int interned;
    /** The string table's slots as the estimate expects them. */
    private int expectedSlots = MIN_STRING_SLOTS;
    private HeapBreakdown last;
    private long used;
    private long cyclesAtWalk = Long.MIN_VALUE;
    /** Live bytes found by the last full collection. */
    private long gcLive;
    /** Bytes estimated to have been allocated since the last full collection. */
    private long pending;
    private int mode = ALWAYS;
    private long limit = 4096;
    private long lastSampleMicros = -SAMPLE_MICROS;
    private long cyclesAtSample = Long.MIN_VALUE;
    private int walks;
    private long walkNanos;
    private final java.util.IdentityHashMap<Object, Runnable> finalizers = new java.util.IdentityHashMap<>();

    /**
     * Tracks {@code lua}'s heap against {@code budget}, the bytes free at boot; call once the
     * state is built (ROM sealed) and before user code runs. Installs itself as the state's
     * allocation watch.
     */
    public HeapTracker(LuaMachine lua, long budget) {
        this.lua = lua;
        this.hooks = lua.hooks();
        walk(true, false);
        this.bootUsed = used;
        this.capacity = budget + bootUsed;
        hooks.setAllocationWatch(this);
    }

    // ------------------------------------------------------------------ figures

    /** Bytes in use now (walking the heap if code ran since the last walk). */
    public long used() {
        if (hooks.cycles() != cyclesAtWalk) {
            walk(false, false);
        }
        return used;
    }

    /** Bytes free: the budget, less what was allocated since boot. */
    public long free() {
        return Math.max(0, capacity - used());
    }

    /** What the state used at boot, before user code. */
    public long bootUsed() {
        return bootUsed;
    }

    /** The most the Lua heap can hold: the budget plus what the state used at boot. */
    public long capacity() {
        return capacity;
    }

    /** The breakdown by type of {@link #used()}. */
    public HeapBreakdown breakdown() {
        used();
        return last;
    }

    /**
     * Calls {@code finalizer} once {@code object} is found unreachable by a full collection, as
     * Lua calls a userdata's {@code __gc}: the firmware frees a socket's callback references there.
     */
    public void finalizeWhenUnreachable(Object object, Runnable finalizer) {
        finalizers.put(object, finalizer);
    }

    /** Runs a full collection ({@code collectgarbage()}): walks the heap, shrinks the string table. */
    public void collect() {
        walk(true, false);
    }

    /**
     * True when even an error message no longer fits after a full collection: the firmware could
     * not report an error, and panics.
     */
    public boolean exhausted() {
        collect();
        return capacity - used < REPORT_RESERVE;
    }

    /** {@code node.egc.setmode(mode, limit)}. */
    public void setMode(int mode, long limit) {
        this.mode = mode;
        this.limit = limit;
    }

    /** The {@code node.egc} mode. */
    public int mode() {
        return mode;
    }

    /** Strings in the state's string table (as of the last walk): Lua's {@code nuse}. */
    public int interned() {
        used();
        return interned;
    }

    /** Slots of the state's string table (as of the last walk). */
    public int stringTableSlots() {
        used();
        return stringSlots;
    }

    /** Walks so far, and the nanoseconds they took in all: for benchmarks. */
    public int walks() {
        return walks;
    }

    /** Nanoseconds spent walking, in all. */
    public long walkNanos() {
        return walkNanos;
    }

    /**
     * Whether a sample is due at virtual time {@code micros}: code ran since the last one and at
     * least {@link #SAMPLE_MICROS} passed.
     */
    public boolean sampleDue(long micros) {
        if (hooks.cycles() == cyclesAtSample || micros - lastSampleMicros < SAMPLE_MICROS) {
            return false;
        }
        lastSampleMicros = micros;
        cyclesAtSample = hooks.cycles();
        return true;
    }

    // ------------------------------------------------------------------ the walk

    /**
     * Marks everything reachable. {@code gc}: this is a full collection (the string table may
     * shrink, the estimate restarts). {@code running}: the innermost frame is executing an
     * instruction (all its registers are live), not calling a library function.
     */
    private void walk(boolean gc, boolean running) {
        long start = System.nanoTime();
        HeapWalk w = new HeapWalk(sizes, hooks, FIXED_STRINGS).inFlash(lua.flashPrototypes());
        LuaThread current = lua.globals().running;
        boolean mainRuns = current == null || current.isMainThread();
        w.value(lua.globals()).value(lua.registry()).value(LuaString.s_metatable);
        w.stack(hooks.mainStack(), running && mainRuns);
        if (!mainRuns) {
            w.stack(hooks.stackOfThread(current), running);
            w.value(current);
        }
        if (gc && runFinalizers(w)) {
            walk(true, running); // what the finalizers released is free now
            return;
        }
        int nuse = w.strings() + FIXED_STRINGS.size();
        while (nuse > stringSlots) {
            stringSlots *= 2;
        }
        if (gc && nuse < stringSlots / 4 && stringSlots > 2 * MIN_STRING_SLOTS) {
            stringSlots /= 2;
        }
        interned = nuse;
        expectedSlots = stringSlots;
        long state = STATE_BYTES + FIXED_STRING_BYTES + 4L * stringSlots + w.stackGrowth(hooks.mainStack());
        last = new HeapBreakdown(state, w.stringBytes(), w.tableBytes(), w.closureBytes(), w.upvalueBytes(),
                w.protoBytes(), w.userdataBytes(), w.threadBytes(), w.strings(), w.tables(), w.closures(),
                w.userdata(), w.threads());
        used = last.total();
        cyclesAtWalk = hooks.cycles();
        if (gc) {
            gcLive = used;
            pending = 0;
        } else if (used > gcLive + pending) {
            pending = used - gcLive; // allocations the estimate did not see
        }
        walks++;
        walkNanos += System.nanoTime() - start;
    }

    private boolean runFinalizers(HeapWalk w) {
        List<Runnable> due = new ArrayList<>();
        finalizers.entrySet().removeIf(e -> {
            if (w.reached(e.getKey())) {
                return false;
            }
            due.add(e.getValue());
            return true;
        });
        due.forEach(Runnable::run);
        return !due.isEmpty();
    }

    // ------------------------------------------------------------------ allocation estimate

    @Override
    public void allocate(long bytes) {
        request(bytes, false);
    }

    @Override
    public void instruction(LuaCallStack.Frame frame, int i, int op) {
        long bytes;
        switch (op) {
            case Lua.OP_NEWTABLE:
                bytes = sizes.table(fb2int(Lua.GETARG_B(i)), LuaObjectSizes.hashNodesFor(fb2int(Lua.GETARG_C(i))));
                break;
            case Lua.OP_CONCAT:
                bytes = concat(frame.registers(), Lua.GETARG_B(i), Lua.GETARG_C(i));
                break;
            case Lua.OP_CLOSURE:
                bytes = closure(frame.closure().p.p[Lua.GETARG_Bx(i)]);
                break;
            case Lua.OP_SETTABLE:
                bytes = insertion(frame.registers()[Lua.GETARG_A(i)], rk(frame, Lua.GETARG_B(i)), rk(frame, Lua.GETARG_C(i)));
                break;
            case Lua.OP_SETTABUP: {
                UpValue[] ups = frame.closure().upValues;
                int a = Lua.GETARG_A(i);
                LuaValue t = ups != null && a < ups.length && ups[a] != null ? ups[a].getValue() : LuaValue.NIL;
                bytes = insertion(t, rk(frame, Lua.GETARG_B(i)), rk(frame, Lua.GETARG_C(i)));
                break;
            }
            case Lua.OP_SETLIST:
                bytes = setlist(frame.registers()[Lua.GETARG_A(i)], Lua.GETARG_B(i), Lua.GETARG_C(i));
                break;
            default:
                bytes = 0;
        }
        if (bytes > 0) {
            request(bytes, true);
        }
    }

    /** What an allocation trigger is for the mode: the estimate at which a full collection runs. */
    private long trigger() {
        switch (mode) {
            case ON_MEM_LIMIT:
                return limit > 0 ? Math.min(limit, capacity) : Math.max(0, capacity + limit);
            case NOT_ACTIVE:
                // no emergency collection: only the collector's own cycle, at its pause
                return Math.min(capacity, gcLive * GC_PAUSE_PERCENT / 100);
            default:
                return capacity;
        }
    }

    private void request(long bytes, boolean running) {
        if (bytes <= 0) {
            return;
        }
        long estimate = gcLive + pending;
        if (estimate + bytes > trigger()) {
            if (mode == NOT_ACTIVE && estimate + bytes > capacity) {
                // without the emergency collector, garbage the last cycle left fills the heap
                throw new LuaMemoryError();
            }
            walk(true, running);
            if (used + bytes > capacity) {
                throw new LuaMemoryError();
            }
        }
        pending += bytes;
    }

    private static int fb2int(int x) {
        int e = (x >>> 3) & 31;
        return e == 0 ? x : ((x & 7) + 8) << (e - 1);
    }

    private static LuaValue rk(LuaCallStack.Frame frame, int x) {
        return Lua.ISK(x) ? frame.closure().p.k[Lua.INDEXK(x)] : frame.registers()[x];
    }

    private long concat(LuaValue[] r, int from, int to) {
        long length = 0;
        for (int k = from; k <= to && k < r.length; k++) {
            LuaValue v = r[k];
            length += v instanceof LuaString s ? s.m_length : 8;
        }
        long bytes = sizes.string((int) Math.min(Integer.MAX_VALUE - 32, length));
        if (++interned > expectedSlots) {
            bytes += 4L * expectedSlots; // the string table doubles
            expectedSlots *= 2;
        }
        return bytes;
    }

    private long closure(Prototype p) {
        long bytes = sizes.luaClosure(HeapWalk.upvalues51(p));
        if (p.upvalues != null) {
            for (var u : p.upvalues) {
                if (u.instack) {
                    bytes += sizes.upvalue(); // a new upvalue, unless another closure has it open
                }
            }
        }
        return bytes;
    }

    /** The growth of table {@code t} when {@code key = value} is stored in it: Lua's rehash when the hash part is full. */
    private long insertion(LuaValue t, LuaValue key, LuaValue value) {
        if (!(t instanceof LuaTable table) || t instanceof RomTable || value.isnil() || key.isnil()) {
            return 0;
        }
        int array = LuaJTables.arraySlots(table);
        if (key.isinttype()) {
            int k = key.toint();
            if (k >= 1 && k <= array) {
                return 0;
            }
        }
        int nodes = LuaJTables.hashNodes(table);
        if (LuaJTables.hashEntries(table) < nodes || !table.rawget(key).isnil()) {
            return 0;
        }
        if (key.isinttype() && key.toint() == array + 1) {
            return (long) sizes.value() * Math.max(1, array); // the array part doubles
        }
        return (long) sizes.node() * Math.max(1, nodes); // the hash part doubles
    }

    private long setlist(LuaValue t, int n, int c) {
        if (!(t instanceof LuaTable table) || n == 0 || c == 0) {
            return 0;
        }
        int last = (c - 1) * Lua.LFIELDS_PER_FLUSH + n;
        int array = LuaJTables.arraySlots(table);
        return last > array ? (long) sizes.value() * (last - array) : 0;
    }
}
