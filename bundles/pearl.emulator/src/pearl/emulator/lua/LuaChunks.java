package pearl.emulator.lua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

import pearl.lua.LuaSources;
import pearl.lua.LuaSyntaxError;

/**
 * Turns Lua source into functions the way the board's {@code luaL_loadbuffer} does: Lua 5.1
 * syntax only (LuaJ's compiler accepts 5.2's {@code goto}, labels and more; Pearl's parser, which
 * agrees with luac 5.1 on what is a syntax error, decides), with errors worded and positioned as
 * 5.1 words them ({@code init.lua:3: '=' expected near 'x'}).
 */
public final class LuaChunks {

    /** How compiled chunks ({@code string.dump}, {@code .lc} files) start. */
    public static final String BINARY_SIGNATURE = "\033Lua";

    private static LuaSources sources;

    private final Globals globals;
    private int stripLevel = DebugInfo.KEEP;

    /** Chunks compiled for the functions of {@code globals}. */
    public LuaChunks(Globals globals) {
        this.globals = globals;
    }

    /** Lua 5.1 syntax errors in {@code text} (luac's verdict), from the one parser all boards share. */
    public static synchronized List<LuaSyntaxError> syntaxErrors(String chunkName, String text) {
        if (sources == null) {
            sources = LuaSources.standalone();
        }
        return sources.parse(chunkName, text).syntaxErrors();
    }

    /**
     * Starts making the parser on a thread of its own (it takes about a second), so that a
     * command can load files and build the board meanwhile; the first compile waits for it.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> syntaxErrors("warm-up", "local x = 1"), "pearl parser warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Compiles {@code source} (bytes, one char each) as chunk {@code chunkName} ({@code @file},
     * {@code =stdin} or the source itself) into a function whose environment is the globals.
     *
     * @throws LuaError with the 5.1 message when the chunk does not compile
     */
    public LuaClosure compile(String source, String chunkName) {
        LuaString name = LuaString.valueOf(chunkName);
        String shortName = ChunkNames.shortSource(name);
        if (source.startsWith(BINARY_SIGNATURE)) {
            return undump(source, chunkName, shortName);
        }
        List<LuaSyntaxError> errors = syntaxErrors(shortName, source);
        Prototype p;
        try {
            byte[] bytes = Lua51Escapes.normalize(source).getBytes(StandardCharsets.ISO_8859_1);
            p = globals.compilePrototype(new ByteArrayInputStream(bytes), chunkName);
        } catch (LuaError e) {
            if (errors.isEmpty()) {
                throw new LuaError(e.getMessage());
            }
            throw new LuaError(syntaxMessage(shortName, errors.get(0)));
        } catch (IOException e) {
            throw new LuaError(shortName + ": " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            // 5.1 rejects what LuaJ's 5.2 compiler accepted (goto, labels, ...)
            throw new LuaError(syntaxMessage(shortName, errors.get(0)));
        }
        DebugInfo.strip(p, stripLevel);
        return new LuaClosure(p, globals);
    }

    /**
     * luac's words for a syntax error: where Pearl's parser explains an error in its own words, it
     * gives luac's in parentheses.
     */
    private static String syntaxMessage(String shortName, LuaSyntaxError error) {
        String prefix = shortName + ":" + error.line() + ": ";
        String message = error.message();
        int open = message.lastIndexOf(" (");
        if (open >= 0 && message.endsWith(")") && message.indexOf(" near '", open) > 0) {
            message = message.substring(open + 2, message.length() - 1);
        }
        return prefix + message;
    }

    private LuaClosure undump(String source, String chunkName, String shortName) {
        try {
            byte[] bytes = source.getBytes(StandardCharsets.ISO_8859_1);
            Prototype p = globals.loadPrototype(new ByteArrayInputStream(bytes), chunkName, "b");
            return new LuaClosure(p, globals);
        } catch (IOException | RuntimeException e) {
            throw new LuaError(shortName + ": bad binary format (" + e.getMessage() + ")");
        }
    }

    /** The {@code node.stripdebug} level applied to what is compiled from now on. */
    public int stripLevel() {
        return stripLevel;
    }

    /** Sets the {@code node.stripdebug} level for what is compiled from now on. */
    public void setStripLevel(int level) {
        stripLevel = level;
    }

    /** Like {@link #compile} but reporting failure as Lua does: {@code nil, message}. */
    public LuaValue[] load(String source, String chunkName) {
        try {
            return new LuaValue[] { compile(source, chunkName) };
        } catch (LuaError e) {
            return new LuaValue[] { LuaValue.NIL, LuaValue.valueOf(e.getMessage()) };
        }
    }
}
