package pearl.emulator.lua;

import pearl.lua.patterns.LuaPatterns;

import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optInt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.DumpState;

/**
 * The firmware's {@code string} library (Lua 5.1): byte char dump find format gfind gmatch gsub
 * len lower match rep reverse sub upper, with 5.1's index rules, pattern matching
 * ({@link LuaPatterns}), {@code format} ({@link StringFormat}) and error texts. Numbers given as
 * strings become text with {@code %.14g}; integer arguments are the board's 32-bit ints.
 */
public final class StringLibrary {

    /** {@code LUAI_MAXCSTACK}: how many values a C function may push. */
    private static final int MAX_C_STACK = 8000;

    private StringLibrary() {
    }

    /** A new table holding the library. */
    public static LuaTable create() {
        return install(new LuaTable());
    }

    /** Fills {@code table} with the library's functions and returns it. */
    public static LuaTable install(LuaTable table) {
        LibraryFunction.define(table, "byte", StringLibrary::byteFn);
        LibraryFunction.define(table, "char", StringLibrary::charFn);
        LibraryFunction.define(table, "dump", StringLibrary::dump);
        LibraryFunction.define(table, "find", args -> find(args, true));
        LibraryFunction.define(table, "format", StringFormat::format);
        LibraryFunction gmatch = LibraryFunction.of("gmatch", StringLibrary::gmatch);
        table.rawset("gfind", gmatch);
        table.rawset("gmatch", gmatch);
        LibraryFunction.define(table, "gsub", StringLibrary::gsub);
        LibraryFunction.define(table, "len", args -> LuaValue.valueOf(checkString(args, 1).m_length));
        LibraryFunction.define(table, "lower", args -> mapCase(checkString(args, 1), 'A', 'Z', 'a' - 'A'));
        LibraryFunction.define(table, "match", args -> find(args, false));
        LibraryFunction.define(table, "rep", StringLibrary::rep);
        LibraryFunction.define(table, "reverse", StringLibrary::reverse);
        LibraryFunction.define(table, "sub", StringLibrary::sub);
        LibraryFunction.define(table, "upper", args -> mapCase(checkString(args, 1), 'a', 'z', 'A' - 'a'));
        return table;
    }

    /**
     * Makes {@code string} the methods of every string ({@code ("x"):rep(3)}) and adds the
     * firmware's {@code "%d-%s" % {1, "a"}}, which is {@code string.format("%d-%s", 1, "a")}.
     */
    public static void installStringMetatable(LuaTable string) {
        LuaString.s_metatable = LuaValue.tableOf(new LuaValue[] {
                LuaValue.INDEX, string,
                LuaValue.MOD, LibraryFunction.of("__mod", StringLibrary::modulo) });
    }

    // ------------------------------------------------------------------ simple functions

    /** {@code posrelat}: a negative position counts from the end; before the start is 0. */
    private static long relative(long pos, int len) {
        if (pos < 0) {
            pos += len + 1L;
        }
        return pos >= 0 ? pos : 0;
    }

    private static Varargs sub(Varargs args) {
        LuaString s = checkString(args, 1);
        int l = s.m_length;
        long start = relative(checkInt(args, 2), l);
        long end = relative(optInt(args, 3, -1), l);
        if (start < 1) {
            start = 1;
        }
        if (end > l) {
            end = l;
        }
        return start <= end ? s.substring((int) start - 1, (int) end) : LuaValue.EMPTYSTRING;
    }

    private static Varargs reverse(Varargs args) {
        LuaString s = checkString(args, 1);
        byte[] b = new byte[s.m_length];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.m_bytes[s.m_offset + b.length - 1 - i];
        }
        return LuaString.valueUsing(b);
    }

    /** {@code lower}/{@code upper} in the "C" locale: only ASCII letters change. */
    private static LuaValue mapCase(LuaString s, char from, char to, int shift) {
        byte[] b = new byte[s.m_length];
        for (int i = 0; i < b.length; i++) {
            int c = s.m_bytes[s.m_offset + i];
            b[i] = (byte) (c >= from && c <= to ? c + shift : c);
        }
        return LuaString.valueUsing(b);
    }

    private static Varargs rep(Varargs args) {
        LuaString s = checkString(args, 1);
        int n = checkInt(args, 2);
        if (n <= 0 || s.m_length == 0) {
            return LuaValue.EMPTYSTRING;
        }
        long total = (long) s.m_length * n;
        if (total > Integer.MAX_VALUE - 16) {
            throw new LuaError("not enough memory");
        }
        byte[] b = new byte[(int) total];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s.m_bytes, s.m_offset, b, i * s.m_length, s.m_length);
        }
        return LuaString.valueUsing(b);
    }

    private static Varargs byteFn(Varargs args) {
        LuaString s = checkString(args, 1);
        int l = s.m_length;
        long posi = relative(optInt(args, 2, 1), l);
        long pose = relative(args.arg(3).isnil() ? posi : checkInt(args, 3), l);
        if (posi <= 0) {
            posi = 1;
        }
        if (pose > l) {
            pose = l;
        }
        if (posi > pose) {
            return LuaValue.NONE;
        }
        long n = pose - posi + 1;
        if (Math.max(args.narg(), 1) + n > MAX_C_STACK) {
            throw new LuaError("stack overflow (string slice too long)");
        }
        LuaValue[] values = new LuaValue[(int) n];
        for (int i = 0; i < n; i++) {
            values[i] = LuaValue.valueOf(s.m_bytes[s.m_offset + (int) posi - 1 + i] & 0xff);
        }
        return LuaValue.varargsOf(values);
    }

    private static Varargs charFn(Varargs args) {
        int n = args.narg();
        byte[] b = new byte[n];
        for (int i = 1; i <= n; i++) {
            int c = checkInt(args, i);
            if ((c & 0xff) != c) {
                throw LuaArgs.argError(i, "invalid value");
            }
            b[i - 1] = (byte) c;
        }
        return LuaString.valueUsing(b);
    }

    private static Varargs dump(Varargs args) {
        LuaValue f = LuaArgs.checkFunction(args, 1);
        if (!(f instanceof LuaClosure closure)) {
            throw new LuaError("unable to dump given function");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DumpState.dump(closure.p, out, false);
        } catch (IOException | RuntimeException e) {
            throw new LuaError("unable to dump given function");
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    // ------------------------------------------------------------------ pattern functions

    /** {@code str_find_aux}: {@code string.find} when {@code find}, else {@code string.match}. */
    private static Varargs find(Varargs args, boolean find) {
        LuaString s = checkString(args, 1);
        LuaString p = checkString(args, 2);
        int l1 = s.m_length;
        long init = relative(optInt(args, 3, 1), l1) - 1;
        if (init < 0) {
            init = 0;
        } else if (init > l1) {
            init = l1;
        }
        if (find && (args.arg(4).toboolean() || LuaPatterns.hasNoSpecials(p))) {
            int at = LuaPatterns.plainFind(s, p, (int) init);
            if (at >= 0) {
                return LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + p.m_length));
            }
            return LuaValue.NIL;
        }
        LuaPatterns ms = new LuaPatterns(s, p);
        int start = ms.anchored() ? 1 : 0;
        boolean anchor = start == 1;
        int s1 = (int) init;
        do {
            int res = ms.match(s1, start);
            if (res >= 0) {
                if (find) {
                    return LuaValue.varargsOf(LuaValue.valueOf(s1 + 1), LuaValue.valueOf(res),
                            ms.captures(0, 0, false));
                }
                return ms.captures(s1, res, true);
            }
        } while (s1++ < l1 && !anchor);
        return LuaValue.NIL;
    }

    private static Varargs gmatch(Varargs args) {
        LuaString s = checkString(args, 1);
        LuaString p = checkString(args, 2);
        LuaPatterns ms = new LuaPatterns(s, p);
        int[] position = { 0 };
        return LibraryFunction.of("gmatch_aux", ignored -> {
            int len = ms.subjectLength();
            for (int src = position[0]; src <= len; src++) {
                int e = ms.match(src, 0);
                if (e >= 0) {
                    position[0] = e == src ? e + 1 : e;
                    return ms.captures(src, e, true);
                }
            }
            return LuaValue.NONE;
        });
    }

    private static Varargs gsub(Varargs args) {
        LuaString src = checkString(args, 1);
        LuaString p = checkString(args, 2);
        LuaValue repl = args.arg(3);
        int srcl = src.m_length;
        int maxS = optInt(args, 4, srcl + 1);
        if (!(repl.isstring() || repl.isfunction() || repl.istable())) {
            throw LuaArgs.argError(3, "string/function/table/lightfunction expected");
        }
        LuaPatterns ms = new LuaPatterns(src, p);
        boolean anchor = ms.anchored();
        int pstart = anchor ? 1 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(srcl + 16);
        int s = 0;
        int n = 0;
        while (n < maxS) {
            int e = ms.match(s, pstart);
            if (e >= 0) {
                n++;
                addValue(ms, out, src, s, e, repl);
            }
            if (e >= 0 && e > s) {
                s = e;
            } else if (s < srcl) {
                out.write(src.m_bytes[src.m_offset + s++]);
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        out.write(src.m_bytes, src.m_offset + s, srcl - s);
        return LuaValue.varargsOf(LuaString.valueUsing(out.toByteArray()), LuaValue.valueOf(n));
    }

    private static void addValue(LuaPatterns ms, ByteArrayOutputStream out, LuaString src, int s, int e,
            LuaValue repl) {
        LuaValue value;
        if (repl.isstring()) {
            addReplacement(ms, out, src, s, e, repl.strvalue());
            return;
        } else if (repl.isfunction()) {
            value = repl.invoke(ms.captures(s, e, true)).arg1();
        } else {
            value = repl.get(ms.capture(0, s, e));
        }
        if (!value.toboolean()) {
            out.write(src.m_bytes, src.m_offset + s, e - s);
        } else if (!value.isstring()) {
            throw new LuaError("invalid replacement value (a " + value.typename() + ")");
        } else {
            write(out, value.strvalue());
        }
    }

    /** {@code add_s}: a replacement string with {@code %0}..{@code %9} and {@code %x} for x. */
    private static void addReplacement(LuaPatterns ms, ByteArrayOutputStream out, LuaString src, int s, int e,
            LuaString news) {
        byte[] b = news.m_bytes;
        int l = news.m_length;
        for (int i = 0; i < l; i++) {
            int c = b[news.m_offset + i] & 0xff;
            if (c != '%') {
                out.write(c);
                continue;
            }
            i++;
            // past the end C reads the terminating zero, which is added as is
            int d = i < l ? b[news.m_offset + i] & 0xff : 0;
            if (!LuaPatterns.isDigit(d)) {
                out.write(d);
            } else if (d == '0') {
                out.write(src.m_bytes, src.m_offset + s, e - s);
            } else {
                write(out, ms.capture(d - '1', s, e).strvalue());
            }
        }
    }

    private static void write(ByteArrayOutputStream out, LuaString s) {
        out.write(s.m_bytes, s.m_offset, s.m_length);
    }

    // ------------------------------------------------------------------ the firmware's %

    /** {@code fmt % value} and {@code fmt % {values...}}: {@code string.format}. */
    private static Varargs modulo(Varargs args) {
        LuaValue fmt = args.arg(1);
        LuaValue values = args.arg(2);
        if (values.istable()) {
            LuaTable t = values.checktable();
            int n = t.rawlen();
            LuaValue[] all = new LuaValue[n + 1];
            all[0] = fmt;
            for (int i = 1; i <= n; i++) {
                all[i] = t.rawget(i);
            }
            return StringFormat.format(LuaValue.varargsOf(all));
        }
        return StringFormat.format(LuaValue.varargsOf(fmt, values));
    }
}
