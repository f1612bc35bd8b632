package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkOption;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;
import static pearl.emulator.lua.LuaArgs.optString;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.FirmwareError;
import pearl.emulator.Spiffs;
import pearl.emulator.SpiffsFile;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.LuaMemoryError;
import pearl.emulator.lua.RomTable;

/**
 * {@code file}: the SPIFFS file system of the board ({@link Spiffs}) in both of the firmware's
 * models. In the basic model the module functions ({@code file.read()}...) act on the default
 * file, the one {@code file.open} opened last; in the object model {@code file.open} returns a
 * {@code file.obj} whose methods act on that file. As in the firmware one function serves both:
 * given a {@code file.obj} as its first argument it acts on that, otherwise on the default file.
 *
 * <p>Opening a file makes it the default without closing the previous default: that one stays
 * open (and holds one of the 4 descriptors) until it is closed. The firmware would also close it
 * when the garbage collector frees an unreferenced file object; the emulator runs no {@code __gc},
 * so a file object is closed only by {@code close} (or a reboot, or {@code file.format()}).
 * FatFS-only functions ({@code file.on}, {@code file.mount}, {@code file.chdir}) are absent, as in
 * a SPIFFS build.
 */
public final class FileModule implements FirmwareModule {

    /** LUAL_BUFFERSIZE: larger reads take their buffer from the heap. */
    private static final int LUAL_BUFFERSIZE = 256;
    /** The flash of the emulated module (as {@code node.flashsize()} reports). */
    private static final int FLASH_SIZE = 4 * 1024 * 1024;
    /** Sectors the SDK keeps at the end of the flash (RF calibration, system parameters). */
    private static final int SDK_RESERVED = 4 * 4096;
    /** SPIFFS logical block size: the file system starts on a block boundary. */
    private static final int BLOCK = 8 * 1024;

    private static final String[] MODES = { "r", "w", "a", "r+", "w+", "a+" };

    @Override
    public String name() {
        return "file";
    }

    @Override
    public void define(RomTable file, Board board) {
        Spiffs fs = board.spiffs();
        // a (re)boot: the files stay, the descriptors of the previous boot are gone
        fs.closeAll();
        State state = new State(fs);

        RomTable methods = new RomTable("file.obj");
        methods.rawset(LuaValue.INDEX, methods);

        both(file, methods, "close", args -> {
            Target t = state.target(args);
            if (t.file != null) {
                t.file.close();
            }
            return LuaValue.NONE;
        });
        both(file, methods, "read", args -> {
            Target t = state.open(args);
            LuaValue what = args.arg(t.base);
            if (what.type() == LuaValue.TNUMBER) {
                int n = optInt(args, t.base, 0);
                return t.file.read(board, n <= 0 ? SpiffsFile.READ_CHUNK : n);
            }
            if (what.isstring()) {
                LuaString end = what.strvalue();
                if (end.length() != 1) {
                    throw new LuaError("wrong arg range");
                }
                return t.file.readUntil((byte) end.luaByte(0));
            }
            return t.file.read(board, SpiffsFile.READ_CHUNK);
        });
        both(file, methods, "readline", args -> state.open(args).file.readUntil((byte) '\n'));
        both(file, methods, "write", args -> {
            Target t = state.open(args);
            return t.file.write(bytes(checkString(args, t.base)));
        });
        both(file, methods, "writeline", args -> {
            Target t = state.open(args);
            byte[] line = bytes(checkString(args, t.base));
            line = Arrays.copyOf(line, line.length + 1);
            line[line.length - 1] = '\n';
            return t.file.write(line);
        });
        both(file, methods, "seek", args -> {
            Target t = state.open(args);
            int whence = checkOption(args, t.base, "cur", "set", "cur", "end");
            int offset = optInt(args, t.base + 1, 0);
            return t.file.seek(new String[] { "set", "cur", "end" }[whence], offset);
        });
        both(file, methods, "flush", args -> state.open(args).file.flush());
        LibraryFunction.define(methods, "__gc", args -> {
            if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof FileObject f) {
                f.close();
            }
            return LuaValue.NONE;
        });
        methods.seal();

        LibraryFunction.define(file, "open", args -> {
            String name = checkName(args, 1);
            String mode = modeOf(optString(args, 2, LuaValue.valueOf("r")));
            state.current = null;
            SpiffsFile opened = name.isEmpty() ? null : fs.open(name, mode);
            if (opened == null) {
                return LuaValue.NIL;
            }
            FileObject f = new FileObject(opened);
            f.userdata = new LuaUserdata(f, methods);
            state.current = f;
            return f.userdata;
        });
        LuaValue match = board.lua().globals().get("string").get("match");
        LibraryFunction.define(file, "list", args -> {
            LuaString pattern = optString(args, 1, null);
            LuaTable list = new LuaTable();
            for (Map.Entry<String, Integer> entry : fs.list().entrySet()) {
                LuaString name = LuaBytes.string(entry.getKey());
                if (pattern == null || !match.call(name, pattern).isnil()) {
                    list.rawset(name, LuaValue.valueOf(entry.getValue()));
                }
            }
            return list;
        });
        LibraryFunction.define(file, "exists", args -> {
            String name = checkName(args, 1);
            return LuaValue.valueOf(!name.isEmpty() && fs.exists(name));
        });
        LibraryFunction.define(file, "remove", args -> {
            String name = checkName(args, 1);
            if (!name.isEmpty()) {
                fs.remove(name);
            }
            return LuaValue.NONE;
        });
        LibraryFunction.define(file, "rename", args -> {
            String from = checkName(args, 1);
            String to = checkName(args, 2);
            return LuaValue.valueOf(!from.isEmpty() && !to.isEmpty() && fs.rename(from, to));
        });
        LibraryFunction.define(file, "getcontents", args -> {
            String name = LuaBytes.chars(checkString(args, 1));
            // the firmware opens the file to read it: a bad name or no free descriptor gives nil
            if (!storable(name) || fs.openFiles() >= Spiffs.MAX_OPEN_FILES) {
                return LuaValue.NIL;
            }
            byte[] content = fs.getContents(name);
            return content == null ? LuaValue.NIL : LuaString.valueUsing(content);
        });
        LibraryFunction.define(file, "putcontents", args -> {
            String name = LuaBytes.chars(checkString(args, 1));
            byte[] data = bytes(checkString(args, 2));
            if (!storable(name)) {
                return LuaValue.NIL;
            }
            // opened "w+" (the old content is gone even if the new one does not fit), written, closed
            SpiffsFile f = fs.open(name, "w+");
            if (f == null) {
                return LuaValue.NIL;
            }
            try {
                return f.write(data) ? LuaValue.TRUE : LuaValue.NIL;
            } finally {
                f.close();
            }
        });
        LibraryFunction.define(file, "stat", args -> {
            String name = checkName(args, 1);
            Spiffs.Stat stat = name.isEmpty() ? null : fs.stat(name);
            if (stat == null) {
                return LuaValue.NIL;
            }
            LuaTable t = new LuaTable();
            t.rawset("size", LuaValue.valueOf(stat.size()));
            t.rawset("name", LuaBytes.string(stat.name()));
            t.rawset("is_dir", LuaValue.FALSE);
            t.rawset("is_rdonly", LuaValue.FALSE);
            t.rawset("is_hidden", LuaValue.FALSE);
            t.rawset("is_sys", LuaValue.FALSE);
            t.rawset("is_arch", LuaValue.FALSE);
            LuaTable time = new LuaTable();
            time.rawset("year", LuaValue.valueOf(1970));
            time.rawset("mon", LuaValue.valueOf(1));
            time.rawset("day", LuaValue.valueOf(1));
            time.rawset("hour", LuaValue.valueOf(0));
            time.rawset("min", LuaValue.valueOf(0));
            time.rawset("sec", LuaValue.valueOf(0));
            t.rawset("time", time);
            return t;
        });
        LibraryFunction.define(file, "fsinfo", args -> {
            Spiffs.Info info = fs.info();
            return LuaValue.varargsOf(LuaValue.valueOf(info.remaining()), LuaValue.valueOf(info.used()),
                    LuaValue.valueOf(info.total()));
        });
        LibraryFunction.define(file, "fscfg", args -> {
            long size = fs.info().total();
            // the file system fills the flash after the firmware, up to the SDK's sectors at the end
            long address = Math.max(0, (FLASH_SIZE - SDK_RESERVED - size) / BLOCK * BLOCK);
            return LuaValue.varargsOf(LuaValue.valueOf(address), LuaValue.valueOf(size));
        });
        LibraryFunction.define(file, "format", args -> {
            fs.format();
            state.current = null;
            // printed by the firmware's C code straight to the UART, not through node.output
            board.uart().write("format done.\n");
            return LuaValue.NONE;
        });
    }

    /** Defines {@code name} as the same function in the module and the object's methods. */
    private static void both(RomTable module, RomTable methods, String name, LibraryFunction.Body body) {
        LibraryFunction f = LibraryFunction.of(name, body);
        module.rawset(name, f);
        methods.rawset(name, f);
    }

    /**
     * The firmware's check of a file name argument: at most 31 characters after the last '/', no
     * zero byte; raises {@code filename invalid}. The empty name passes (and names no file).
     */
    private static String checkName(Varargs args, int n) {
        String name = LuaBytes.chars(checkString(args, n));
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.length() > Spiffs.MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
            throw argError(n, "filename invalid");
        }
        return name;
    }

    /** Whether SPIFFS can hold a file called {@code name}. */
    private static boolean storable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return !name.isEmpty() && base.length() <= Spiffs.MAX_NAME_LENGTH && name.indexOf('\0') < 0;
    }

    /** A mode the file system knows; anything else opens read-only, as the firmware's VFS does. */
    private static String modeOf(LuaString mode) {
        String m = LuaBytes.chars(mode);
        for (String known : MODES) {
            if (known.equals(m)) {
                return m;
            }
        }
        return "r";
    }

    private static byte[] bytes(LuaString s) {
        return Arrays.copyOfRange(s.m_bytes, s.m_offset, s.m_offset + s.m_length);
    }

    /** The module's state in one boot: the default file of the basic model. */
    private static final class State {
        final Spiffs fs;
        FileObject current;

        State(Spiffs fs) {
            this.fs = fs;
        }

        /** The file a call acts on (its {@code file.obj} argument, else the default file) and where its own arguments start. */
        Target target(Varargs args) {
            if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof FileObject f) {
                return new Target(f, 2);
            }
            return new Target(current, 1);
        }

        /** {@link #target}, which must be open: else {@code open a file first}. */
        Target open(Varargs args) {
            Target t = target(args);
            if (t.file == null || t.file.closed) {
                throw new LuaError("open a file first");
            }
            return t;
        }
    }

    private record Target(FileObject file, int base) {
    }

    /** A {@code file.obj}: one open file of the file system. */
    static final class FileObject {
        final SpiffsFile file;
        LuaUserdata userdata;
        boolean closed;

        FileObject(SpiffsFile file) {
            this.file = file;
        }

        /** {@code read(n)}: up to {@code n} bytes (the firmware reads them into one buffer), nil at the end. */
        LuaValue read(Board board, int n) {
            if (n > LUAL_BUFFERSIZE && 2L * n > board.freeHeap()) {
                // the buffer and the string made of it do not fit on the heap
                throw new LuaMemoryError();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() < n) {
                byte[] chunk = guard(() -> file.read(Math.min(SpiffsFile.READ_CHUNK, n - out.size())));
                if (chunk == null) {
                    break;
                }
                out.writeBytes(chunk);
            }
            return out.size() == 0 ? LuaValue.NIL : LuaString.valueUsing(out.toByteArray());
        }

        /** {@code read(char)}, {@code readline()}: up to and including {@code delimiter}, at most 1024 bytes. */
        LuaValue readUntil(byte delimiter) {
            byte[] chunk = guard(() -> file.readUntil(delimiter));
            return chunk == null ? LuaValue.NIL : LuaString.valueUsing(chunk);
        }

        /** {@code write}: true, or nil when not written (read-only file, file system full). */
        LuaValue write(byte[] data) {
            return guard(() -> file.write(data)) ? LuaValue.TRUE : LuaValue.NIL;
        }

        /** {@code seek}: the new position, or nil. */
        LuaValue seek(String whence, int offset) {
            int position = guard(() -> file.seek(whence, offset));
            return position < 0 ? LuaValue.NIL : LuaValue.valueOf(position);
        }

        /** {@code flush}: the emulated file system writes through, so there is nothing to flush. */
        LuaValue flush() {
            guard(() -> file.seek("cur", 0));
            return LuaValue.TRUE;
        }

        void close() {
            if (!closed) {
                closed = true;
                file.close();
            }
        }

        /** Runs a file operation, raising the file system's complaint as a Lua error. */
        private static <T> T guard(java.util.function.Supplier<T> operation) {
            try {
                return operation.get();
            } catch (FirmwareError e) {
                throw new LuaError(e.getMessage());
            }
        }
    }
}
