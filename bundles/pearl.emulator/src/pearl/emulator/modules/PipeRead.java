package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * How much {@code p:read(arg)} takes: {@code n} bytes, or a record ending at a delimiter. With
 * {@code "c+"} the delimiter ends the record it closes; with {@code "c"} it starts the next one,
 * so it stays in the pipe. The default is {@code "\n+"}: one line with its newline. Without the
 * delimiter the rest of the pipe is one record.
 */
record PipeRead(int size, char delimiter, boolean keep) {

    /** The reading asked for by argument {@code n}. */
    static PipeRead of(Varargs args, int n) {
        LuaValue arg = args.arg(n);
        if (arg.isnil()) {
            return new PipeRead(0, '\n', true);
        }
        if (arg.type() == LuaValue.TNUMBER) {
            int size = (int) arg.todouble();
            if (size <= 0) {
                throw argError(n, "invalid chunk size");
            }
            return new PipeRead(size, '\0', false);
        }
        String s = arg.isstring() ? arg.tojstring() : "";
        if (s.length() == 1 || (s.length() == 2 && s.charAt(1) == '+')) {
            return new PipeRead(0, s.charAt(0), s.length() == 2);
        }
        throw argError(n, "invalid delimiter");
    }

    /** Where the record taken from {@code text} (not empty) ends. */
    int end(String text) {
        if (size > 0) {
            return Math.min(size, text.length());
        }
        // a delimiter left at the front by an earlier "c" read starts this record
        int at = text.indexOf(delimiter, keep ? 0 : 1);
        if (at < 0) {
            return text.length();
        }
        return keep ? at + 1 : at;
    }
}
