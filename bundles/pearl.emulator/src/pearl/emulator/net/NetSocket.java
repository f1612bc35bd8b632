package pearl.emulator.net;

import java.util.LinkedHashMap;
import java.util.Map;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

import pearl.emulator.Board;
import pearl.emulator.HostIo;
import pearl.emulator.Priority;
import pearl.emulator.heap.HeapSized;

/**
 * What every {@code net} object shares, as the firmware keeps it: callbacks referenced from the
 * Lua registry (one entry each), a self reference in the registry while the object has a live
 * connection or a pending operation, and a finalizer that drops the callbacks once the object is
 * unreachable. A callback that captures its own socket therefore keeps it alive for good: the
 * leak the FAQ describes.
 */
public abstract class NetSocket implements HeapSized {

    /** Bytes of the firmware's per-socket struct on the board (type, refs, pcb pointer, state). */
    public static final int STRUCT_BYTES = 40;
    /** lwIP's IP_DEFAULT_TTL: the time-to-live a new pcb starts with. */
    public static final int DEFAULT_TTL = 255;

    protected final Board board;
    protected final HostIo io;
    private final LuaUserdata userdata;
    private final Map<String, Integer> callbacks = new LinkedHashMap<>();
    private int selfRef = RegistryRefs.NOREF;
    private int ttl = DEFAULT_TTL;

    protected NetSocket(Board board, LuaTable methods) {
        this.board = board;
        this.io = board.hostIo();
        this.userdata = new LuaUserdata(this, methods);
        board.heap().finalizeWhenUnreachable(userdata, this::finalizeSocket);
    }

    /** The Lua value of this socket. */
    public LuaUserdata userdata() {
        return userdata;
    }

    /** {@code sock:on(event, fn)}: sets (or, with nil, drops) the callback of {@code event}. */
    public void on(String event, LuaValue fn) {
        LuaTable registry = board.lua().registry();
        Integer old = callbacks.remove(event);
        if (old != null) {
            RegistryRefs.unref(registry, old);
        }
        if (!fn.isnil()) {
            callbacks.put(event, RegistryRefs.ref(registry, fn));
        }
    }

    /** Whether a callback is set for {@code event}. */
    public boolean hasCallback(String event) {
        return callbacks.containsKey(event);
    }

    /** The callback set for {@code event}, or nil. */
    protected LuaValue callback(String event) {
        Integer ref = callbacks.get(event);
        return ref == null ? LuaValue.NIL : board.lua().registry().rawget(ref);
    }

    /** Calls the {@code event} callback, if any, with this socket and {@code args}, inside the running task. */
    protected void fire(String event, LuaValue... args) {
        LuaValue fn = callback(event);
        if (fn.isnil()) {
            return;
        }
        LuaValue[] all = new LuaValue[args.length + 1];
        all[0] = userdata;
        System.arraycopy(args, 0, all, 1, args.length);
        board.call(fn, LuaValue.varargsOf(all));
    }

    /** Hands a {@code sock:dns} answer (an address or nil) to the {@code dns} callback. */
    public void answerDns(LuaValue ip) {
        fire("dns", ip);
    }

    /** Runs {@code work} as a task on the board when the host's I/O gets there (any thread). */
    protected void arrive(String source, Runnable work) {
        io.deliver(Priority.MEDIUM, source, work);
    }

    /** Keeps the socket alive from the registry while it has a connection or pending work. */
    protected void anchor() {
        if (selfRef == RegistryRefs.NOREF) {
            selfRef = RegistryRefs.ref(board.lua().registry(), userdata);
        }
    }

    /** Drops the self reference: the socket lives on only if Lua still references it. */
    protected void release() {
        RegistryRefs.unref(board.lua().registry(), selfRef);
        selfRef = RegistryRefs.NOREF;
    }

    /**
     * {@code sock:ttl([ttl])}: the pcb's time-to-live, set first when {@code newTtl} is not
     * negative. The pcb keeps it in one byte, so a value above 255 wraps as it would there.
     */
    public int ttl(int newTtl) {
        if (!hasPcb()) {
            throw new LuaError("socket is not open/bound yet");
        }
        if (newTtl >= 0) {
            ttl = newTtl & 0xff;
            applyTtl(ttl);
        }
        return ttl;
    }

    /** A new pcb: the time-to-live is lwIP's default again. */
    protected void newPcb() {
        ttl = DEFAULT_TTL;
    }

    /** Whether lwIP would have a pcb for this socket now (connecting, connected, bound). */
    protected abstract boolean hasPcb();

    /** Hands a new time-to-live to the host socket where Java can set it; by default it is only kept. */
    protected void applyTtl(int newTtl) {
    }

    /** Closes the host side, if open. */
    protected abstract void closeHost();

    private void finalizeSocket() {
        closeHost();
        LuaTable registry = board.lua().registry();
        callbacks.values().forEach(ref -> RegistryRefs.unref(registry, ref));
        callbacks.clear();
    }

    @Override
    public int heapBytes() {
        return STRUCT_BYTES;
    }
}
