package pearl.emulator.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;

/**
 * One board's Lua 5.1 state on LuaJ, laid out as the firmware lays it out: {@code _G} is its own
 * metatable with {@code __index} the read-only {@code ROM} table, which holds the libraries, most
 * base functions and every firmware module; only a few entries are raw globals. Firmware modules
 * are added with {@link #addModule} before user code runs.
 */
public final class LuaMachine {

    private final Globals globals = new Globals();
    private final VmHooks hooks;
    private final LuaChunks chunks;
    private final RomTable rom = new RomTable("ROM");
    private final LuaTable registry = new LuaTable();
    private final java.util.Set<org.luaj.vm2.Prototype> flash =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * A fresh state whose {@code print} and files go to {@code host}, random numbers start from
     * {@code seed}, and instructions cost as {@code costs} says.
     */
    public LuaMachine(LuaHost host, long seed, CostModel costs) {
        LoadState.install(globals);
        LuaC.install(globals);
        hooks = new VmHooks(globals, costs);
        hooks.install();
        chunks = new LuaChunks(globals);

        BaseLibrary.install(rom, globals, host, chunks, hooks);
        // these base entries live in RAM on the board (pairs(_G) shows them)
        for (String ram : new String[] { "ipairs", "pairs", "newproxy" }) {
            globals.rawset(ram, rom.rawget(ram));
            rom.rawset(ram, LuaValue.NIL);
        }
        addModule("table", filled(new RomTable("table"), t -> {
            TableLibrary.install(t);
            pearl.emulator.heap.LibraryAllocations.watchTable(t, hooks);
        }));
        addModule("coroutine", filled(new RomTable("coroutine"), t -> CoroutineLibrary.install(t, globals, hooks)));
        addModule("math", filled(new RomTable("math"), t -> MathLibrary.install(t, seed)));
        addModule("debug", filled(new RomTable("debug"), t -> DebugLibrary.install(t, hooks, registry, LuaTable::new)));
        RomTable string = filled(new RomTable("string"), t -> {
            StringLibrary.install(t);
            pearl.emulator.heap.LibraryAllocations.watchString(t, hooks);
        });
        StringLibrary.installStringMetatable(string);
        addModule("string", string);
        rom.rawset("ROM", rom);

        globals.rawset("_G", globals);
        globals.rawset("_VERSION", LuaValue.valueOf("Lua 5.1"));
        PackageLibrary.install(globals, host, chunks, hooks);
        globals.rawset(LuaValue.INDEX, rom);
        globals.setmetatable(globals);
    }

    private static RomTable filled(RomTable table, java.util.function.Consumer<RomTable> filler) {
        filler.accept(table);
        return table;
    }

    /** Adds a module (a table, sealed here) to ROM under {@code name}. */
    public void addModule(String name, RomTable module) {
        module.seal();
        rom.rawset(name, module);
    }

    /** Seals ROM once every module is in. */
    public void sealRom() {
        rom.seal();
    }

    /**
     * Compiles {@code source} as a module of the Lua Flash Store: its prototypes live in flash, so
     * the functions made from it cost the heap only their closures.
     */
    public LuaClosure compileIntoFlash(String source, String chunkName) {
        LuaClosure f = chunks.compile(source, chunkName);
        markInFlash(f.p);
        return f;
    }

    private void markInFlash(org.luaj.vm2.Prototype p) {
        flash.add(p);
        if (p.p != null) {
            for (org.luaj.vm2.Prototype child : p.p) {
                markInFlash(child);
            }
        }
    }

    /** The prototypes in flash (see {@link #compileIntoFlash}). */
    public java.util.Set<org.luaj.vm2.Prototype> flashPrototypes() {
        return flash;
    }

    /** The globals ({@code _G}). */
    public Globals globals() {
        return globals;
    }

    /** The Lua registry, where callbacks are kept referenced. */
    public LuaTable registry() {
        return registry;
    }

    /** The hooks: call stacks, cycle counting, error texts. */
    public VmHooks hooks() {
        return hooks;
    }

    /** The compiler for chunks. */
    public LuaChunks chunks() {
        return chunks;
    }

    /** Compiles {@code source} as chunk {@code chunkName}; see {@link LuaChunks#compile}. */
    public LuaClosure compile(String source, String chunkName) {
        return chunks.compile(source, chunkName);
    }

    /** The text of a value as {@code tostring} gives it. */
    public static String toText(LuaValue v) {
        return BaseLibrary.tostring(v).tojstring();
    }
}
