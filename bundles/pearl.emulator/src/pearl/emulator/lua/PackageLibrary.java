package pearl.emulator.lua;

import static pearl.emulator.lua.LuaArgs.checkString;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code require}, {@code module} and the {@code package} table as the firmware has them:
 * {@code package.path} is {@code ?.lc;?.lua} over the board's file system, there are no C modules,
 * and {@code require "gpio"} answers with the ROM module of that name.
 */
public final class PackageLibrary {

    private static final LuaValue SENTINEL = LuaValue.userdataOf(new Object());

    private final Globals globals;
    private final LuaHost host;
    private final LuaChunks chunks;
    private final VmHooks hooks;
    private final LuaTable packageTable = new LuaTable();
    private final LuaTable loaded = new LuaTable();
    private final LuaTable preload = new LuaTable();

    private PackageLibrary(Globals globals, LuaHost host, LuaChunks chunks, VmHooks hooks) {
        this.globals = globals;
        this.host = host;
        this.chunks = chunks;
        this.hooks = hooks;
    }

    /** Defines {@code require}, {@code module} and {@code package} in {@code globals}; returns {@code package}. */
    public static LuaTable install(Globals globals, LuaHost host, LuaChunks chunks, VmHooks hooks) {
        return new PackageLibrary(globals, host, chunks, hooks).define();
    }

    private LuaTable define() {
        packageTable.rawset("loaded", loaded);
        packageTable.rawset("preload", preload);
        packageTable.rawset("path", LuaValue.valueOf("?.lc;?.lua"));
        packageTable.rawset("cpath", LuaValue.valueOf(""));
        packageTable.rawset("config", LuaValue.valueOf("/\n;\n?\n!\n-"));
        LuaTable loaders = new LuaTable();
        loaders.rawset(1, LibraryFunction.of("preload_loader", this::preloadLoader));
        loaders.rawset(2, LibraryFunction.of("lua_loader", this::luaLoader));
        packageTable.rawset("loaders", loaders);
        LibraryFunction.define(packageTable, "seeall", args -> {
            LuaTable module = LuaArgs.checkTable(args, 1);
            LuaValue mt = module.getmetatable();
            if (mt == null || mt.isnil()) {
                mt = new LuaTable();
                module.setmetatable(mt);
            }
            mt.rawset(LuaValue.INDEX, globals);
            return LuaValue.NONE;
        });
        globals.rawset("package", packageTable);
        LibraryFunction.define(globals, "require", this::require);
        LibraryFunction.define(globals, "module", this::module);
        return packageTable;
    }

    private Varargs require(Varargs args) {
        LuaString name = checkString(args, 1);
        LuaValue already = loaded.rawget(name);
        if (already.toboolean()) {
            if (already == SENTINEL) {
                throw new LuaError("loop or previous error loading module '" + name + "'");
            }
            return already;
        }
        LuaValue rom = globals.get(name);
        if (rom instanceof RomTable) {
            return rom;
        }
        LuaValue loadersValue = packageTable.get("loaders");
        if (!loadersValue.istable()) {
            throw new LuaError("'package.loaders' must be a table");
        }
        StringBuilder tried = new StringBuilder();
        LuaValue loader = LuaValue.NIL;
        for (int i = 1;; i++) {
            LuaValue searcher = loadersValue.rawget(i);
            if (searcher.isnil()) {
                throw new LuaError("module '" + name + "' not found:" + tried);
            }
            loader = searcher.call(name);
            if (loader.isfunction()) {
                break;
            }
            if (loader.isstring()) {
                tried.append(loader.tojstring());
            }
        }
        loaded.rawset(name, SENTINEL);
        LuaValue result = loader.call(name);
        if (!result.isnil()) {
            loaded.rawset(name, result);
        }
        if (loaded.rawget(name) == SENTINEL) {
            loaded.rawset(name, LuaValue.TRUE);
        }
        return loaded.rawget(name);
    }

    private Varargs preloadLoader(Varargs args) {
        LuaString name = checkString(args, 1);
        LuaValue f = preload.rawget(name);
        return f.isnil() ? LuaValue.valueOf("\n\tno field package.preload['" + name + "']") : f;
    }

    private Varargs luaLoader(Varargs args) {
        LuaString name = checkString(args, 1);
        LuaValue pathValue = packageTable.get("path");
        if (!pathValue.isstring()) {
            throw new LuaError("'package.path' must be a string");
        }
        String fileBase = name.tojstring().replace('.', '/');
        StringBuilder tried = new StringBuilder();
        for (String template : pathValue.tojstring().split(";")) {
            if (template.isEmpty()) {
                continue;
            }
            String file = template.replace("?", fileBase);
            byte[] bytes = host.readFile(file);
            if (bytes == null) {
                tried.append("\n\tno file '").append(file).append("'");
                continue;
            }
            try {
                return chunks.compile(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), "@" + file);
            } catch (LuaError e) {
                throw new LuaError("error loading module '" + name + "' from file '" + file + "':\n\t" + e.getMessage());
            }
        }
        return LuaValue.valueOf(tried.toString());
    }

    private Varargs module(Varargs args) {
        LuaString name = checkString(args, 1);
        LuaValue module = loaded.rawget(name);
        if (!module.istable()) {
            module = findOrCreate(name.tojstring());
            loaded.rawset(name, module);
        }
        if (module.rawget("_NAME").isnil()) {
            module.rawset("_M", module);
            module.rawset("_NAME", name);
            String n = name.tojstring();
            int dot = n.lastIndexOf('.');
            module.rawset("_PACKAGE", LuaValue.valueOf(dot < 0 ? "" : n.substring(0, dot + 1)));
        }
        LuaCallStack.Frame caller = hooks.stack().frame(1);
        if (caller == null || !Environments.set(caller.closure(), module)) {
            throw new LuaError("'module' not called from a Lua function");
        }
        for (int i = 2; i <= args.narg(); i++) {
            args.arg(i).call(module);
        }
        return LuaValue.NONE;
    }

    private LuaValue findOrCreate(String dotted) {
        LuaValue t = globals;
        for (String part : dotted.split("\\.")) {
            LuaValue next = t.rawget(part);
            if (next.isnil()) {
                next = new LuaTable();
                t.rawset(part, next);
            } else if (!next.istable()) {
                throw new LuaError("name conflict for module '" + dotted + "'");
            }
            t = next;
        }
        return t;
    }
}
