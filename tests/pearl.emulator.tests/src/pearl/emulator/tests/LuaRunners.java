package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import pearl.emulator.lua.CostModel;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.LuaHost;
import pearl.emulator.lua.LuaMachine;

/**
 * Runs a Lua program under the real Lua 5.1 ({@code /usr/bin/lua5.1}, the oracle) and under
 * Pearl's Lua machine, each returning what the program printed, byte for byte.
 */
final class LuaRunners {

    static final Path LUA51 = Path.of("/usr/bin/lua5.1");

    private LuaRunners() {
    }

    /** Output of {@code lua5.1 file} run in {@code dir} (stdout and stderr). */
    static String lua51(Path dir, String file) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(LUA51), "the oracle " + LUA51 + " is missing (Debian package lua5.1)");
        Process process = new ProcessBuilder(LUA51.toString(), file).directory(dir.toFile())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "lua5.1 did not finish " + file);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Output of {@code source} run by {@code lua5.1} from a temporary file. */
    static String lua51(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pearl-lua51");
        try {
            Files.writeString(dir.resolve("snippet.lua"), source, StandardCharsets.ISO_8859_1);
            return lua51(dir, "snippet.lua");
        } finally {
            Files.deleteIfExists(dir.resolve("snippet.lua"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Output of file {@code file} of {@code dir} run on Pearl's Lua machine, files read from
     * {@code dir}; an uncaught error is printed as {@code lua5.1} prints its first line.
     */
    static String emulated(Path dir, String file) throws IOException {
        String source = Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1);
        return emulated(dir, source, "@" + file);
    }

    /** Output of {@code source}, as chunk {@code chunkName}, run on Pearl's Lua machine. */
    static String emulated(Path dir, String source, String chunkName) {
        StringBuilder out = new StringBuilder();
        LuaMachine machine = machine(dir, out);
        // the board has no io; programs shared with lua5.1 may still use io.write for output
        LuaTable io = new LuaTable();
        io.rawset("write", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                StringBuilder bytes = new StringBuilder();
                for (int i = 1; i <= args.narg(); i++) {
                    LuaBytes.append(bytes, args.checkstring(i));
                }
                out.append(bytes);
                return LuaValue.NONE;
            }
        });
        machine.globals().rawset("io", io);
        try {
            machine.compile(source, chunkName).call();
        } catch (LuaError e) {
            out.append("lua5.1: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** A Lua machine printing to {@code out}, reading files from {@code dir} (none when null). */
    static LuaMachine machine(Path dir, StringBuilder out) {
        LuaHost host = new LuaHost() {
            @Override
            public void output(String bytes) {
                out.append(bytes);
            }

            @Override
            public byte[] readFile(String name) {
                try {
                    return dir == null ? null : Files.readAllBytes(dir.resolve(name));
                } catch (IOException e) {
                    return null;
                }
            }

            @Override
            public long heapUsed() {
                return 0;
            }

            @Override
            public void collectGarbage() {
            }
        };
        LuaMachine machine = new LuaMachine(host, 1, CostModel.ESP8266);
        machine.sealRom();
        return machine;
    }

    /** Fails with the lines that differ (at most ten), then with the whole texts. */
    static void assertSameLines(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        StringBuilder diff = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(e.length, a.length) && shown < 10; i++) {
            String el = i < e.length ? e[i] : "<none>";
            String al = i < a.length ? a[i] : "<none>";
            if (!el.equals(al)) {
                diff.append("\nline ").append(i + 1).append("\n  lua5.1: ").append(el).append("\n  pearl:  ").append(al);
                shown++;
            }
        }
        assertEquals(expected, actual, diff.toString());
    }
}
