package pearl.emulator.lua;

import org.luaj.vm2.LuaString;

/** Chunk names as Lua 5.1's {@code luaO_chunkid} shortens them for messages. */
public final class ChunkNames {

    private static final int LUA_IDSIZE = 60;

    private ChunkNames() {
    }

    /**
     * {@code =name} shows as {@code name}, {@code @file} as {@code file} (its tail when long), and
     * source text as {@code [string "first line..."]}.
     */
    public static String shortSource(LuaString source) {
        if (source == null) {
            return "?";
        }
        String s = source.tojstring();
        if (s.startsWith("=")) {
            return s.substring(1, Math.min(s.length(), LUA_IDSIZE));
        }
        if (s.startsWith("@")) {
            String file = s.substring(1);
            int room = LUA_IDSIZE - " '...' ".length() - 1;
            return file.length() <= room ? file : "..." + file.substring(file.length() - room);
        }
        int end = 0;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
            end++;
        }
        int room = LUA_IDSIZE - " [string \"...\"] ".length() - 1;
        int len = Math.min(end, room);
        return len < s.length() ? "[string \"" + s.substring(0, len) + "...\"]" : "[string \"" + s + "\"]";
    }
}
