package pearl.device.repl;

/**
 * The small Lua functions Pearl defines on the board (globals starting {@code _p}), each one line
 * under the firmware's line limit, and the names of its temporary file.
 */
final class BoardHelpers {

    /** Where an upload is written before it is verified and renamed over its target. */
    static final String TEMP = "pearl~up.tmp";

    /**
     * Closes a temporary file a cut transfer left open and removes it: run at every connect, so
     * no junk survives an interrupted upload.
     */
    static final String CLEANUP = "if _pF then pcall(_pF.close,_pF) _pF=nil end file.remove(\"" + TEMP + "\")";

    /**
     * {@code _pa(name, offset, length)} prints the Adler-32 halves of that part of a file and how
     * many bytes it read: the checksum for firmware without {@code crypto}, and for finding the
     * block that differs. Modular sums stay below 2^31, exact in integer and float builds.
     */
    static final String ADLER = "function _pa(n,o,l) local f=file.open(n,\"r\") "
            + "f:seek(\"set\",o) local a,b,c=1,0,0 while c<l do local s=f:read(math.min(256,l-c)) if not s then break end "
            + "a,b=_pc(s,a,b) c=c+#s end f:close() print(a,b,c) end";

    /** {@code _pc(s, a, b)}: Adler-32 halves {@code a, b} carried over the bytes of {@code s} (defined before {@link #ADLER}). */
    static final String ADLER_STEP = "function _pc(s,a,b) for i=1,#s do a=(a+s:byte(i))%65521 b=(b+a)%65521 end return a,b end";

    /** {@code _px(s)}: a string as lower-case hex (encoder.toHex is not in every build). */
    static final String HEX = "function _px(s) return (s:gsub(\".\",function(c) return (\"%02x\"):format(c:byte()) end)) end";

    /** {@code _ph(name)} prints the SHA-1 of a file in hex (encoder.toHex is not in every build). */
    static final String SHA1 = "function _ph(n) print(_px(crypto.fhash(\"sha1\",n))) end";

    /** {@code _pr(name, offset, length)} prints that part of a file as {@code =base64}. */
    static final String READ_BASE64 = "function _pr(n,o,l) local f=file.open(n,\"r\") if not f then print(\"nofile\") return end "
            + "f:seek(\"set\",o) local s=f:read(l) f:close() print(\"=\"..(s and encoder.toBase64(s) or \"\")) end";

    /** {@code _pr(name, offset, length)} prints that part of a file as {@code =hex}. */
    static final String READ_HEX = "function _pr(n,o,l) local f=file.open(n,\"r\") if not f then print(\"nofile\") return end "
            + "f:seek(\"set\",o) local s=f:read(l) or \"\" f:close() print(\"=\".._px(s)) end";

    private BoardHelpers() {
    }

    /** A Lua string literal for a file name (names are printable; escape anyway). */
    static String quote(String name) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            s.append(ChunkEncoding.escape(c & 0xff, i + 1 < name.length() ? name.charAt(i + 1) : -1));
        }
        return s.append('"').toString();
    }

    /** Adler-32 halves of {@code data[offset, offset+length)}, as {@link #ADLER} computes them on the board. */
    static String adler(byte[] data, int offset, int length) {
        long a = 1;
        long b = 0;
        for (int i = offset; i < offset + length; i++) {
            a = (a + (data[i] & 0xff)) % 65521;
            b = (b + a) % 65521;
        }
        return a + "\t" + b + "\t" + length;
    }
}
