package pearl.emulator.lua;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkAny;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.checkTable;
import static pearl.emulator.lua.LuaArgs.optInt;
import static pearl.emulator.lua.LuaArgs.typeError;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's base library as the board has it: {@code print} to the UART, {@code dofile} and
 * {@code loadfile} from the board's file system, 5.1's {@code setfenv}/{@code getfenv},
 * {@code unpack}, {@code loadstring}, {@code gcinfo} and {@code newproxy}, and 5.1's error texts.
 */
public final class BaseLibrary {

    private static final LuaString TOSTRING = LuaString.valueOf("__tostring");
    private static final LuaString METATABLE = LuaString.valueOf("__metatable");

    private final Globals globals;
    private final LuaHost host;
    private final LuaChunks chunks;
    private final VmHooks hooks;
    private LuaValue errorFunction;

    private BaseLibrary(Globals globals, LuaHost host, LuaChunks chunks, VmHooks hooks) {
        this.globals = globals;
        this.host = host;
        this.chunks = chunks;
        this.hooks = hooks;
    }

    /** Defines the base functions in {@code target} (the ROM table, or the globals). */
    public static void install(LuaTable target, Globals globals, LuaHost host, LuaChunks chunks, VmHooks hooks) {
        new BaseLibrary(globals, host, chunks, hooks).define(target);
    }

    private void define(LuaTable t) {
        LibraryFunction.define(t, "print", this::print);
        LibraryFunction.define(t, "tostring", args -> tostring(checkAny(args, 1)));
        LibraryFunction.define(t, "tonumber", this::tonumber);
        LibraryFunction.define(t, "type", args -> LuaValue.valueOf(checkAny(args, 1).typename()));
        LibraryFunction.define(t, "error", this::error);
        errorFunction = t.rawget("error");
        LibraryFunction.define(t, "assert", args -> {
            if (!checkAny(args, 1).toboolean()) {
                throw new LuaError(LuaArgs.optString(args, 2, LuaString.valueOf("assertion failed!")).tojstring());
            }
            return args;
        });
        LibraryFunction.define(t, "pcall", this::pcall);
        LibraryFunction.define(t, "xpcall", this::xpcall);
        LibraryFunction.define(t, "select", this::select);
        LibraryFunction.define(t, "unpack", this::unpack);
        LibraryFunction.define(t, "rawequal", args -> LuaValue.valueOf(checkAny(args, 1).raweq(checkAny(args, 2))));
        LibraryFunction.define(t, "rawget", args -> checkTable(args, 1).rawget(checkAny(args, 2)));
        LibraryFunction.define(t, "rawset", args -> {
            LuaTable table = checkTable(args, 1);
            table.rawset(checkAny(args, 2), checkAny(args, 3));
            return table;
        });
        LibraryFunction.define(t, "getmetatable", args -> {
            LuaValue mt = checkAny(args, 1).getmetatable();
            if (mt == null || mt.isnil()) {
                return LuaValue.NIL;
            }
            LuaValue protectedValue = mt.rawget(METATABLE);
            return protectedValue.isnil() ? mt : protectedValue;
        });
        LibraryFunction.define(t, "setmetatable", this::setmetatable);
        LibraryFunction.define(t, "next", args -> next(checkTable(args, 1), args.arg(2)));
        LuaValue next = t.rawget("next");
        LibraryFunction.define(t, "pairs", args -> LuaValue.varargsOf(next, checkTable(args, 1), LuaValue.NIL));
        LuaValue inext = LibraryFunction.of("ipairs_iterator", args -> {
            int i = checkInt(args, 2) + 1;
            LuaValue v = checkTable(args, 1).rawget(i);
            return v.isnil() ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(i), v);
        });
        LibraryFunction.define(t, "ipairs", args -> LuaValue.varargsOf(inext, checkTable(args, 1), LuaValue.valueOf(0)));
        LibraryFunction.define(t, "getfenv", this::getfenv);
        LibraryFunction.define(t, "setfenv", this::setfenv);
        LibraryFunction.define(t, "loadstring", args -> {
            LuaString s = checkString(args, 1);
            return LuaValue.varargsOf(chunks.load(LuaBytes.chars(s), LuaBytes.chars(LuaArgs.optString(args, 2, s))));
        });
        LibraryFunction.define(t, "load", this::load);
        LibraryFunction.define(t, "loadfile", args -> loadFile(LuaArgs.optString(args, 1, null)));
        LibraryFunction.define(t, "dofile", args -> {
            Varargs loaded = loadFile(LuaArgs.optString(args, 1, null));
            if (loaded.arg1().isnil()) {
                throw new LuaError(loaded.arg(2).tojstring());
            }
            return loaded.arg1().invoke(LuaValue.NONE);
        });
        LibraryFunction.define(t, "collectgarbage", this::collectgarbage);
        LibraryFunction.define(t, "gcinfo", args -> LuaValue.valueOf((int) (host.heapUsed() >> 10)));
        LibraryFunction.define(t, "newproxy", this::newproxy);
    }

    /** {@code tostring} as 5.1 does it, honouring {@code __tostring}. */
    public static LuaValue tostring(LuaValue v) {
        LuaValue handler = v.metatag(TOSTRING);
        if (!handler.isnil()) {
            return handler.call(v);
        }
        return LuaValue.valueOf(plainText(v));
    }

    /** The text of a value without metamethods: {@code table: 0x...}, numbers with %.14g. */
    public static String plainText(LuaValue v) {
        switch (v.type()) {
            case LuaValue.TNIL:
                return "nil";
            case LuaValue.TBOOLEAN:
            case LuaValue.TNUMBER:
            case LuaValue.TSTRING:
                return v.tojstring();
            default:
                return v.typename() + ": " + String.format("0x%08x", System.identityHashCode(v));
        }
    }

    private Varargs print(Varargs args) {
        LuaValue tostring = globals.get("tostring");
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
            LuaValue s = tostring.call(args.arg(i));
            if (!s.isstring()) {
                throw new LuaError("'tostring' must return a string to 'print'");
            }
            if (i > 1) {
                line.append('\t');
            }
            LuaBytes.append(line, s.strvalue());
        }
        host.output(line.append('\n').toString());
        return LuaValue.NONE;
    }

    private Varargs tonumber(Varargs args) {
        int base = optInt(args, 2, 10);
        if (base == 10) {
            return checkAny(args, 1).tonumber();
        }
        String s = checkString(args, 1).tojstring().trim();
        if (base < 2 || base > 36) {
            throw argError(2, "base out of range");
        }
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        if (digits.isEmpty()) {
            return LuaValue.NIL;
        }
        double n = 0;
        for (char ch : digits.toCharArray()) {
            int d = Character.digit(ch, base);
            if (d < 0) {
                return LuaValue.NIL;
            }
            n = n * base + d;
        }
        return LuaValue.valueOf(negative ? -n : n);
    }

    private Varargs error(Varargs args) {
        LuaValue value = args.arg1();
        int level = optInt(args, 2, 1);
        // level 1 is error's caller: no position when that is a Java function (pcall(error, "x"))
        if (value.isstring() && level > 0) {
            LuaCallStack.Frame frame = hooks.luaCaller(errorFunction, level);
            String where = frame == null || frame.line() < 0 ? "" : frame.where() + " ";
            value = LuaBytes.string(where + LuaBytes.chars(value));
        }
        throw new ErrorValue(value);
    }

    private Varargs pcall(Varargs args) {
        LuaValue f = checkAny(args, 1);
        LuaCallStack stack = hooks.stack();
        stack.boundaries++;
        try {
            return LuaValue.varargsOf(LuaValue.TRUE, call(f, args.subargs(2)));
        } catch (LuaError e) {
            hooks.finish(e);
            return LuaValue.varargsOf(LuaValue.FALSE, messageOf(e));
        } catch (StackOverflowError e) {
            return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("stack overflow"));
        } finally {
            stack.boundaries--;
        }
    }

    private Varargs xpcall(Varargs args) {
        LuaValue f = checkAny(args, 1);
        LuaValue handler = args.arg(2);
        LuaCallStack stack = hooks.stack();
        stack.boundaries++;
        LuaCallStack.MessageHandler entry = new LuaCallStack.MessageHandler(handler, stack.boundaries);
        stack.handlers.addLast(entry);
        try {
            return LuaValue.varargsOf(LuaValue.TRUE, call(f, LuaValue.NONE));
        } catch (LuaError e) {
            hooks.finish(e);
            // the handler ran where the error was raised; else (raised before any Lua frame) now
            return LuaValue.varargsOf(LuaValue.FALSE, entry.handled == e ? entry.result : handler.call(messageOf(e)));
        } catch (StackOverflowError e) {
            return LuaValue.varargsOf(LuaValue.FALSE, handler.call(LuaValue.valueOf("stack overflow")));
        } finally {
            stack.handlers.removeLastOccurrence(entry);
            stack.boundaries--;
        }
    }

    /** Calls {@code f} as {@code lua_call} would, with 5.1's text for calling a non-function. */
    static Varargs call(LuaValue f, Varargs args) {
        if (!f.isfunction() && f.metatag(LuaValue.CALL).isnil()) {
            throw new LuaError("attempt to call a " + f.typename() + " value");
        }
        return f.invoke(args);
    }

    /** The value a caught error hands to Lua. */
    static LuaValue messageOf(LuaError e) {
        LuaValue m = e.getMessageObject();
        return m == null ? LuaValue.NIL : m;
    }

    private Varargs select(Varargs args) {
        LuaValue n = args.arg1();
        if (n.isstring() && n.tojstring().startsWith("#")) {
            return LuaValue.valueOf(args.narg() - 1);
        }
        int i = checkInt(args, 1);
        if (i < 0) {
            i = args.narg() + i;
        } else if (i > args.narg() - 1) {
            return LuaValue.NONE;
        }
        if (i < 1) {
            throw argError(1, "index out of range");
        }
        return args.subargs(i + 1);
    }

    private Varargs unpack(Varargs args) {
        LuaTable t = checkTable(args, 1);
        int i = optInt(args, 2, 1);
        int j = args.arg(3).isnil() ? t.length() : checkInt(args, 3);
        if (i > j) {
            return LuaValue.NONE;
        }
        long n = (long) j - i + 1;
        if (n >= 8000) {
            // LUAI_MAXCSTACK
            throw new LuaError("too many results to unpack");
        }
        LuaValue[] values = new LuaValue[(int) n];
        for (int k = 0; k < n; k++) {
            values[k] = t.rawget(i + k);
        }
        return LuaValue.varargsOf(values);
    }

    private Varargs setmetatable(Varargs args) {
        LuaTable t = checkTable(args, 1);
        LuaValue mt = args.arg(2);
        if (!mt.isnil() && !mt.istable()) {
            throw argError(2, "nil or table expected");
        }
        LuaValue old = t.getmetatable();
        if (old != null && !old.rawget(METATABLE).isnil()) {
            throw new LuaError("cannot change a protected metatable");
        }
        t.setmetatable(mt.isnil() ? null : mt);
        return t;
    }

    private static Varargs next(LuaTable t, LuaValue key) {
        try {
            return t.next(key);
        } catch (LuaError e) {
            throw new LuaError("invalid key to 'next'");
        }
    }

    private LuaValue functionAt(Varargs args, String name) {
        LuaValue f = args.arg1();
        if (f.isfunction()) {
            return f;
        }
        int level = optInt(args, 1, 1);
        if (level < 0) {
            throw argError(1, "level must be non-negative");
        }
        if (level == 0) {
            return null;
        }
        LuaCallStack.Frame frame = hooks.stack().frame(level);
        if (frame == null) {
            throw argError(1, "invalid level");
        }
        return frame.closure();
    }

    private Varargs getfenv(Varargs args) {
        LuaValue f = functionAt(args, "getfenv");
        return f == null ? globals : Environments.of(f, globals);
    }

    private Varargs setfenv(Varargs args) {
        LuaTable env = checkTable(args, 2);
        LuaValue f = functionAt(args, "setfenv");
        if (f == null || !Environments.set(f, env)) {
            throw new LuaError("'setfenv' cannot change environment of given object");
        }
        return f;
    }

    private Varargs load(Varargs args) {
        LuaValue reader = LuaArgs.checkFunction(args, 1);
        String chunkName = LuaArgs.optString(args, 2, LuaString.valueOf("=(load)")).tojstring();
        StringBuilder source = new StringBuilder();
        while (true) {
            LuaValue piece = reader.call();
            if (piece.isnil() || (piece.isstring() && piece.length() == 0)) {
                break;
            }
            if (!piece.isstring()) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("reader function must return a string"));
            }
            source.append(LuaBytes.chars(piece));
        }
        return LuaValue.varargsOf(chunks.load(source.toString(), chunkName));
    }

    private Varargs loadFile(LuaString name) {
        if (name == null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("cannot read stdin"));
        }
        byte[] bytes = host.readFile(name.tojstring());
        if (bytes == null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("cannot open " + name.tojstring()));
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.startsWith("#")) {
            // a first line starting with # is skipped (kept as an empty line for line numbers)
            int eol = text.indexOf('\n');
            text = eol < 0 ? "" : text.substring(eol);
        }
        return LuaValue.varargsOf(chunks.load(text, "@" + name.tojstring()));
    }

    private Varargs collectgarbage(Varargs args) {
        int option = LuaArgs.checkOption(args, 1, "collect",
                "stop", "restart", "collect", "count", "step", "setpause", "setstepmul");
        switch (option) {
            case 2:
                host.collectGarbage();
                return LuaValue.valueOf(0);
            case 3:
                return LuaValue.valueOf(host.heapUsed() / 1024.0);
            case 4:
                host.collectGarbage();
                return LuaValue.TRUE;
            case 5:
            case 6:
                return LuaValue.valueOf(optInt(args, 2, 0) == 0 ? 200 : optInt(args, 2, 0));
            default:
                return LuaValue.valueOf(0);
        }
    }

    private Varargs newproxy(Varargs args) {
        LuaValue arg = args.arg1();
        LuaValue metatable = null;
        if (arg.toboolean()) {
            if (arg.isboolean()) {
                metatable = new LuaTable();
            } else if (arg.isuserdata() && arg.getmetatable() != null) {
                metatable = arg.getmetatable();
            } else {
                throw argError(1, "boolean or proxy expected");
            }
        }
        return LuaValue.userdataOf(new Object(), metatable);
    }
}
