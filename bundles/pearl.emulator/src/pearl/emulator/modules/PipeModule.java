package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;

import java.util.function.Consumer;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.Priority;
import pearl.emulator.heap.HeapSized;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code pipe}: FIFO buffers of bytes. A pipe is a table with the pipe metatable whose array part
 * holds its records, buffers of up to 256 bytes ({@code LUAL_BUFFERSIZE}), so {@code #p} and
 * {@code p:nrec()} count records. A pipe made with a reader callback posts it as a task after a
 * write; the callback's result decides whether it is posted again: true yes, false no, anything
 * else while data remains.
 */
public final class PipeModule implements FirmwareModule {

    /** The bytes one record holds. */
    static final int RECORD_BYTES = 256;
    /** Where a pipe table keeps its reader (callback and priority), out of the array part. */
    private static final LuaValue READER_KEY = LuaValue.valueOf(0);

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public void define(RomTable pipe, Board board) {
        RomTable methods = new RomTable("pipe");
        RomTable meta = new RomTable("pipe.meta");
        meta.rawset(LuaValue.INDEX, methods);
        meta.seal();
        LibraryFunction.define(methods, "write", args -> {
            LuaTable p = self(args, meta);
            StringBuilder text = new StringBuilder(contents(p));
            for (int n = 2; n <= args.narg(); n++) {
                if (!args.arg(n).isstring()) {
                    throw argError(n, "must be a string");
                }
                LuaBytes.append(text, args.arg(n).strvalue());
            }
            int before = p.rawlen();
            store(p, text.toString());
            ModuleAllocations.charge(board, (p.rawlen() - before) * ModuleAllocations.userdata(RECORD_BYTES));
            postReader(board, p);
            return LuaValue.NONE;
        });
        LibraryFunction.define(methods, "unread", args -> {
            LuaTable p = self(args, meta);
            if (!args.arg(2).isstring()) {
                throw argError(2, "must be a string");
            }
            store(p, LuaBytes.chars(args.arg(2)) + contents(p));
            return LuaValue.NONE;
        });
        LibraryFunction.define(methods, "read", args -> read(self(args, meta), PipeRead.of(args, 2)));
        LibraryFunction.define(methods, "reader", args -> {
            LuaTable p = self(args, meta);
            PipeRead how = PipeRead.of(args, 2);
            return LibraryFunction.closure("reader", a -> read(p, how), p);
        });
        LibraryFunction.define(methods, "nrec", args -> LuaValue.valueOf(self(args, meta).rawlen()));
        methods.seal();

        LibraryFunction.define(pipe, "create", args -> {
            LuaValue callback = args.arg1();
            if (!callback.isnil() && !callback.isfunction()) {
                throw argError(1, "function expected, got " + callback.typename());
            }
            int level = args.arg(2).isnil() ? Priority.MEDIUM.ordinal() : checkInt(args, 2);
            if (level < 0 || level > 2) {
                throw argError(2, "invalid priority");
            }
            LuaTable p = new LuaTable();
            p.setmetatable(meta);
            if (callback.isfunction()) {
                p.rawset(READER_KEY, new LuaUserdata(new Reader(callback, Priority.ofLevel(level))));
            }
            return p;
        });
    }

    private static LuaTable self(Varargs args, LuaTable meta) {
        if (args.arg1() instanceof LuaTable t && t.getmetatable() == meta) {
            return t;
        }
        throw argError(1, "pipe table");
    }

    private static LuaValue read(LuaTable p, PipeRead how) {
        String text = contents(p);
        if (text.isEmpty()) {
            return LuaValue.NIL;
        }
        int end = how.end(text);
        store(p, text.substring(end));
        return LuaBytes.string(text.substring(0, end));
    }

    /** The bytes a pipe holds, its records joined. */
    private static String contents(LuaTable p) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= p.rawlen(); i++) {
            text.append(((Record) p.rawget(i).touserdata()).bytes);
        }
        return text.toString();
    }

    /** Makes {@code text} the pipe's contents, in records of up to 256 bytes. */
    private static void store(LuaTable p, String text) {
        int records = (text.length() + RECORD_BYTES - 1) / RECORD_BYTES;
        for (int i = p.rawlen(); i > records; i--) {
            p.rawset(i, LuaValue.NIL);
        }
        for (int i = 0; i < records; i++) {
            String bytes = text.substring(i * RECORD_BYTES, Math.min(text.length(), (i + 1) * RECORD_BYTES));
            p.rawset(i + 1, new LuaUserdata(new Record(bytes)));
        }
    }

    /** Posts the pipe's reader, unless it has none or is already posted. */
    private static void postReader(Board board, LuaTable p) {
        if (!(p.rawget(READER_KEY).touserdata() instanceof Reader reader) || reader.posted) {
            return;
        }
        reader.posted = true;
        board.post(reader.priority, "pipe reader", () -> {
            reader.posted = false;
            LuaValue again = reader.callback.call(p);
            if (again.isboolean() ? again.toboolean() : p.rawlen() > 0) {
                postReader(board, p);
            }
        });
    }

    /** One record: a buffer of up to 256 bytes on the heap. */
    private record Record(String bytes) implements HeapSized {
        @Override
        public int heapBytes() {
            return RECORD_BYTES;
        }
    }

    /** A pipe's reader callback, its task priority, and whether it waits in a queue now. */
    private static final class Reader implements HeapSized {
        final LuaValue callback;
        final Priority priority;
        boolean posted;

        Reader(LuaValue callback, Priority priority) {
            this.callback = callback;
            this.priority = priority;
        }

        @Override
        public int heapBytes() {
            return 8;
        }

        @Override
        public void references(Consumer<LuaValue> mark) {
            mark.accept(callback);
        }
    }
}
