package pearl.emulator.modules.json;

import java.io.ByteArrayOutputStream;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Parses JSON text (bytes, one char each) into Lua values the way {@code sjson} builds them:
 * objects and arrays become tables, {@code \\uXXXX} escapes become UTF-8, numbers Lua numbers, and
 * {@code null} the options' null value. Running out of text before the value is complete raises
 * {@link Incomplete}, so a streaming decoder can wait for more.
 */
public final class JsonParser {

    /** The text ended before the value was complete. */
    public static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final boolean finalText;
    private final JsonOptions options;
    private int pos;

    private JsonParser(String text, boolean finalText, JsonOptions options) {
        this.text = text;
        this.finalText = finalText;
        this.options = options;
    }

    /**
     * The one value in {@code text}. {@code finalText} says no more text follows, so a number at
     * the end is complete; otherwise a number touching the end is {@link Incomplete}.
     * Raises {@code JSON parse error: <detail>} on malformed text.
     */
    public static LuaValue parse(String text, boolean finalText, JsonOptions options) {
        JsonParser p = new JsonParser(text, finalText, options);
        p.skipSpace();
        LuaValue v = p.value(1);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the value");
        }
        return v;
    }

    /** Whether {@code text} holds nothing but white space. */
    public static boolean blank(String text) {
        return text.chars().allMatch(JsonParser::isSpace);
    }

    private LuaValue value(int depth) {
        if (depth > options.depth()) {
            throw error("nesting deeper than " + options.depth());
        }
        char c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", LuaValue.TRUE);
            case 'f' -> literal("false", LuaValue.FALSE);
            case 'n' -> literal("null", options.decodedNull());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private LuaValue object(int depth) {
        pos++;
        LuaTable t = options.newTable();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return t;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("object key must be a string");
            }
            LuaValue key = string();
            skipSpace();
            expect(':');
            skipSpace();
            LuaValue v = value(depth + 1);
            if (!v.isnil()) {
                t.rawset(key, v);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return t;
        }
    }

    private LuaValue array(int depth) {
        pos++;
        LuaTable t = options.newTable();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return t;
        }
        for (int i = 1;; i++) {
            skipSpace();
            LuaValue v = value(depth + 1);
            if (!v.isnil()) {
                t.rawset(i, v);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return t;
        }
    }

    private LuaValue string() {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return LuaString.valueUsing(out.toByteArray());
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> out.write(e);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> utf8(out, codePoint());
                default -> throw error("invalid escape '\\" + e + "'");
            }
        }
    }

    /** The code point of a {@code \\uXXXX} escape, joining a surrogate pair. */
    private int codePoint() {
        int unit = hex4();
        if (unit >= 0xD800 && unit < 0xDC00 && peekAhead("\\u")) {
            int mark = pos;
            pos += 2;
            int low = hex4();
            if (low >= 0xDC00 && low < 0xE000) {
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
            pos = mark;
        }
        return unit;
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(peek(), 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            pos++;
            v = v * 16 + d;
        }
        return v;
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    private LuaValue number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos == text.length() && !finalText) {
            throw new Incomplete(); // more digits may follow
        }
        String n = text.substring(start, pos);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw error("bad number '" + n + "'");
        }
        return LuaValue.valueOf(Double.parseDouble(n));
    }

    private LuaValue literal(String word, LuaValue v) {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw error("unexpected '" + peek() + "'");
            }
            pos++;
        }
        return v;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found '" + peek() + "'");
        }
        pos++;
    }

    private boolean peekAhead(String s) {
        if (text.length() - pos < s.length()) {
            if (!finalText && s.startsWith(text.substring(pos))) {
                throw new Incomplete();
            }
            return false;
        }
        return text.startsWith(s, pos);
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new Incomplete();
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private LuaError error(String detail) {
        return new LuaError("JSON parse error: " + detail + " at offset " + pos);
    }
}
