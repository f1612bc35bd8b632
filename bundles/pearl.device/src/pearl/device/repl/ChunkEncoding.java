package pearl.device.repl;

import java.util.Base64;

/**
 * Turns file bytes into Lua lines that write them on the board, each within
 * {@link ReplSession#MAX_LINE}: {@code _pw"..."} with the bytes as an escaped Lua string (no module
 * needed; source text costs barely more than itself) or {@code _pb"..."} with base64 that
 * {@code encoder.fromBase64} decodes (binary costs 4/3). Each line takes whichever carries more
 * bytes from where it starts. Only printable ASCII goes on the wire, so the echo is exact.
 */
public final class ChunkEncoding {

    /** Helper that writes an escaped string to the open temporary file {@code _pF}. */
    static final String PLAIN_HELPER = "function _pw(s) if not _pF:write(s) then print(\"write failed (file system full?)\") end end";
    /** Helper that decodes base64 and writes it. */
    static final String BASE64_HELPER = "function _pb(s) _pw(encoder.fromBase64(s)) end";

    private static final int PREFIX = 5; // _pw" ... "
    private static final int BUDGET = ReplSession.MAX_LINE - PREFIX;

    /** One line and how many payload bytes it carries. */
    public record Chunk(String line, int offset, int length) {
    }

    private ChunkEncoding() {
    }

    /** The line carrying the bytes from {@code offset}; base64 only when {@code base64} is allowed. */
    public static Chunk next(byte[] data, int offset, boolean base64) {
        StringBuilder plain = new StringBuilder();
        int end = offset;
        while (end < data.length) {
            String escaped = escape(data[end] & 0xff, end + 1 < data.length ? data[end + 1] & 0xff : -1);
            if (plain.length() + escaped.length() > BUDGET) {
                break;
            }
            plain.append(escaped);
            end++;
        }
        int plainBytes = end - offset;
        int base64Bytes = Math.min(data.length - offset, BUDGET / 4 * 3);
        if (base64 && base64Bytes > plainBytes) {
            String b64 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(data, offset, offset + base64Bytes));
            return new Chunk("_pb\"" + b64 + "\"", offset, base64Bytes);
        }
        return new Chunk("_pw\"" + plain + "\"", offset, plainBytes);
    }

    /** A byte as it stands inside a double-quoted Lua string; {@code next} decides whether a decimal escape needs three digits. */
    static String escape(int b, int next) {
        switch (b) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            default:
                if (b >= 0x20 && b < 0x7f) {
                    return String.valueOf((char) b);
                }
                // \ddd reads up to three digits: pad when a digit follows
                return next >= '0' && next <= '9' ? String.format("\\%03d", b) : "\\" + b;
        }
    }
}
