package pearl.emulator;

import java.util.ArrayDeque;
import java.util.Deque;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.lua.LuaBytes;

/**
 * The Lua interpreter on UART0 as the firmware runs it: bytes are echoed as they arrive (a line
 * end as {@code \n}, backspace as {@code "\b \b"}), a complete line is handed to a low-priority
 * task that compiles it as chunk {@code stdin} ({@code =expr} meaning {@code return expr}), keeps
 * an incomplete chunk (one whose error ends in {@code '<eof>'}) and prompts {@code >> }, prints
 * results, and reports errors as {@code Lua error: }.
 */
public final class LuaRepl {

    /** The bottom of a traceback from a REPL line, as the firmware prints it. */
    private static final String REPL_BASE = "\n\t[C]: ?\n\t[C]: ?";

    /** The firmware's line buffer ({@code LUA_MAXINPUT}); a longer line wraps to its start. */
    public static final int MAX_LINE = 256;

    private final Board board;
    private final StringBuilder line = new StringBuilder();
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    private boolean echo = true;
    private char lastLineEnd;
    private boolean readerQueued;

    LuaRepl(Board board) {
        this.board = board;
    }

    void reset() {
        line.setLength(0);
        lines.clear();
        pending.setLength(0);
        lastLineEnd = 0;
        readerQueued = false;
        echo = true;
    }

    /** {@code uart.setup(..., echo)}: whether typed bytes are echoed. */
    public void setEcho(boolean on) {
        echo = on;
    }

    /** Bytes typed on the UART. */
    public void receive(String bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == '\r' || c == '\n') {
                if (lastLineEnd != 0 && lastLineEnd != c) {
                    lastLineEnd = 0; // the second half of a CR LF or LF CR pair
                    continue;
                }
                lastLineEnd = c;
                if (echo) {
                    board.uart().write("\n");
                }
                lines.add(line.toString());
                line.setLength(0);
                continue;
            }
            lastLineEnd = 0;
            if (c == 8 || c == 127) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    if (echo) {
                        board.uart().write("\b \b");
                    }
                }
                continue;
            }
            if (line.length() == MAX_LINE) {
                line.setLength(0);
            }
            line.append(c);
            if (echo) {
                board.uart().write(String.valueOf(c));
            }
        }
        queueReader();
    }

    private void queueReader() {
        if (!readerQueued && !lines.isEmpty()) {
            readerQueued = board.post(Priority.LOW, "REPL input", this::readLine);
        }
    }

    private void readLine() {
        readerQueued = false;
        String text = lines.poll();
        if (text != null) {
            run(text);
        }
        queueReader();
    }

    private void run(String text) {
        if (pending.length() == 0 && text.isEmpty()) {
            prompt();
            return;
        }
        if (pending.length() == 0 && text.startsWith("=")) {
            text = "return " + text.substring(1);
        }
        String chunk = pending.length() == 0 ? text : pending + "\n" + text;
        LuaClosure function;
        try {
            function = board.lua().compile(chunk, "=stdin");
        } catch (LuaError e) {
            String message = e.getMessage();
            if (message != null && message.endsWith("'<eof>'")) {
                pending.setLength(0);
                pending.append(chunk);
                prompt();
                return;
            }
            pending.setLength(0);
            board.output("Lua error: \t" + message + "\n");
            prompt();
            return;
        }
        pending.setLength(0);
        try {
            Varargs results = function.invoke(LuaValue.NONE);
            if (results.narg() > 0) {
                board.lua().globals().get("print").invoke(results);
            }
        } catch (LuaError e) {
            board.lua().hooks().finish(e);
            String traceback = board.tracebackSuffix(e);
            // the firmware runs each line from C, two C levels that end its tracebacks
            board.output("Lua error: \t" + Board.messageOf(e) + (traceback.isEmpty() ? "" : traceback + REPL_BASE) + "\n");
        }
        prompt();
    }

    /** Writes the prompt: {@code > }, or {@code >> } inside an unfinished chunk ({@code _PROMPT}, {@code _PROMPT2}). */
    public void prompt() {
        LuaValue custom = board.lua().globals().get(pending.length() == 0 ? "_PROMPT" : "_PROMPT2");
        board.output(custom.isstring() ? LuaBytes.chars(custom) : pending.length() == 0 ? "> " : ">> ");
    }
}
