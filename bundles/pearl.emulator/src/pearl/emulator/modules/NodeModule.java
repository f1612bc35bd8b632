package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.argError;
import static pearl.emulator.lua.LuaArgs.checkInt;
import static pearl.emulator.lua.LuaArgs.checkNumber;
import static pearl.emulator.lua.LuaArgs.checkString;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.DumpState;

import pearl.emulator.Board;
import pearl.emulator.LuaFlashStore;
import pearl.emulator.Priority;
import pearl.emulator.StartupOptions;
import pearl.emulator.lua.DebugInfo;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaChunks;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.RomTable;

/**
 * {@code node}: restart (after the running task, as on the board), heap, chip facts, boot reason,
 * the error handler, {@code node.task.post} on the SDK queues, {@code node.egc}, CPU frequency,
 * {@code node.compile} to {@code .lc}, input and output redirection, and the hardware RNG.
 */
public final class NodeModule implements FirmwareModule {

    /** The emulated chip's id (node.chipid()), flash id and flash size: a 4 MB module. */
    public static final int CHIP_ID = 0x00E5A1C3;
    private static final int FLASH_ID = 0x001640EF;
    private static final int FLASH_SIZE = 4 * 1024 * 1024;

    @Override
    public String name() {
        return "node";
    }

    @Override
    public void define(RomTable node, Board board) {
        SplittableRandom hardwareRandom = new SplittableRandom(board.options().seed() * 31 + board.boots());
        LibraryFunction.define(node, "restart", args -> {
            board.post(Priority.HIGH, "node.restart", () -> board.restart("node.restart()"));
            return LuaValue.NONE;
        });
        LibraryFunction.define(node, "heap", args -> LuaValue.valueOf(board.freeHeap()));
        LibraryFunction.define(node, "chipid", args -> LuaValue.valueOf(CHIP_ID));
        LibraryFunction.define(node, "flashid", args -> LuaValue.valueOf(FLASH_ID));
        LibraryFunction.define(node, "flashsize", args -> LuaValue.valueOf(FLASH_SIZE));
        LibraryFunction.define(node, "bootreason", args -> bootReason(board.bootReason()));
        LibraryFunction.define(node, "setonerror", args -> {
            LuaValue handler = args.arg1();
            board.lua().registry().rawset(Board.ONERROR, handler.isfunction() ? handler : LuaValue.NIL);
            return LuaValue.NONE;
        });
        LibraryFunction.define(node, "getcpufreq", args -> LuaValue.valueOf(board.cpuMHz()));
        LibraryFunction.define(node, "setcpufreq", args -> {
            int mhz = checkInt(args, 1) == 160 ? 160 : 80;
            board.setCpuMHz(mhz);
            return LuaValue.valueOf(mhz);
        });
        LibraryFunction.define(node, "random", args -> random(hardwareRandom, args));
        LibraryFunction.define(node, "input", args -> {
            board.uart().receive(LuaBytes.chars(checkString(args, 1)));
            return LuaValue.NONE;
        });
        LibraryFunction.define(node, "output", args -> {
            LuaValue fn = args.arg1();
            board.redirectOutput(fn.isfunction() ? fn : null, args.arg(2).isnil() || args.arg(2).toint() != 0);
            return LuaValue.NONE;
        });
        LibraryFunction.define(node, "compile", args -> compile(board, checkString(args, 1).tojstring()));
        LibraryFunction.define(node, "stripdebug", args -> {
            LuaChunks chunks = board.lua().chunks();
            if (args.narg() == 0) {
                return LuaValue.valueOf(chunks.stripLevel());
            }
            int level = checkInt(args, 1);
            if (level < DebugInfo.KEEP || level > DebugInfo.NO_LINES) {
                throw argError(1, "Invalid strip level");
            }
            if (args.narg() < 2) {
                chunks.setStripLevel(level);
                return LuaValue.valueOf(level);
            }
            if (!(args.arg(2) instanceof LuaClosure f)) {
                throw argError(2, "not a valid function");
            }
            DebugInfo.strip(f.p, level);
            return LuaValue.valueOf(level);
        });
        LibraryFunction.define(node, "dsleep", args -> {
            double us = args.arg1().isnil() ? 0 : checkNumber(args, 1);
            board.deepSleep((long) us);
            return LuaValue.NONE;
        });
        LibraryFunction.define(node, "info", args -> info(board, args));
        defineFlashStore(node, board);
        LibraryFunction.define(node, "startup", args -> startup(board, args));
        LibraryFunction.define(node, "startupcommand", args -> {
            String command = LuaBytes.chars(checkString(args, 1));
            StartupOptions o = board.startup();
            board.setStartup(new StartupOptions(o.banner(), o.frequency(), o.delayMount(), command));
            return LuaValue.TRUE;
        });

        RomTable task = new RomTable("node.task");
        LibraryFunction.define(task, "post", args -> {
            int priority = 1;
            int fn = 1;
            if (args.arg1().isnumber()) {
                priority = args.arg1().toint();
                fn = 2;
                if (priority < 0 || priority > 2) {
                    throw argError(1, "invalid  priority");
                }
            }
            LuaValue callback = LuaArgs.checkFunction(args, fn);
            Priority p = Priority.ofLevel(priority);
            if (!board.post(p, "node.task.post", callback, LuaValue.valueOf(priority))) {
                throw new LuaError("Task queue overflow. Task not posted");
            }
            return LuaValue.NONE;
        });
        task.rawset("LOW_PRIORITY", LuaValue.valueOf(0));
        task.rawset("MEDIUM_PRIORITY", LuaValue.valueOf(1));
        task.rawset("HIGH_PRIORITY", LuaValue.valueOf(2));
        node.rawset("task", task.seal());

        RomTable egc = new RomTable("node.egc");
        LibraryFunction.define(egc, "setmode", args -> {
            int mode = checkInt(args, 1);
            if (mode != 0 && mode != 1 && mode != 2 && mode != 4) {
                throw argError(1, "invalid mode");
            }
            int limit = LuaArgs.optInt(args, 2, 0);
            if (mode == 2 && limit == 0) {
                throw argError(2, "limit must be non-zero");
            }
            board.heap().setMode(mode, limit);
            return LuaValue.NONE;
        });
        LibraryFunction.define(egc, "meminfo", args -> LuaValue.varargsOf(LuaValue.valueOf(board.heapUsed()),
                LuaValue.valueOf(board.heapUsed())));
        egc.rawset("NOT_ACTIVE", LuaValue.valueOf(0));
        egc.rawset("ON_ALLOC_FAILURE", LuaValue.valueOf(1));
        egc.rawset("ON_MEM_LIMIT", LuaValue.valueOf(2));
        egc.rawset("ALWAYS", LuaValue.valueOf(4));
        node.rawset("egc", egc.seal());
    }

    /** Where the LFS partition sits in flash, and where it is mapped into the address space. */
    private static final int LFS_BASE = 0x100000 - LuaFlashStore.DEFAULT_SIZE;
    private static final int LFS_MAPPED = 0x40200000 + LFS_BASE;

    /**
     * {@code node.LFS}: {@code get(name)} makes a function of a module in flash (nil when there is
     * none), {@code list()} names them (nil without LFS); {@code node.flashindex} is the old name of
     * {@code get}. Images come from the project's {@code lfs/} folder, so {@code reload} refuses.
     */
    private static void defineFlashStore(RomTable node, Board board) {
        LuaFlashStore store = board.flashStore();
        java.util.Map<String, org.luaj.vm2.Prototype> compiled = new java.util.HashMap<>();
        LibraryFunction.Body get = args -> {
            String name = checkString(args, 1).tojstring();
            String source = store.source(name);
            if (source == null) {
                return LuaValue.NIL;
            }
            org.luaj.vm2.Prototype p = compiled.get(name);
            if (p == null) {
                p = board.lua().compileIntoFlash(source, "@" + name + ".lua").p;
                compiled.put(name, p);
            }
            return new LuaClosure(p, board.lua().globals());
        };
        LibraryFunction.Body reload = args -> LuaValue.valueOf(
                "LFS images are built from the project's lfs/ folder when the emulated board starts");
        RomTable lfs = new RomTable("node.LFS");
        LibraryFunction.define(lfs, "get", get);
        LibraryFunction.define(lfs, "list", args -> {
            if (!store.exists()) {
                return LuaValue.NIL;
            }
            LuaTable names = new LuaTable();
            int i = 0;
            for (String name : store.names()) {
                names.rawset(++i, LuaValue.valueOf(name));
            }
            return names;
        });
        LibraryFunction.define(lfs, "reload", reload);
        lfs.rawset("time", LuaValue.valueOf(store.time()));
        LuaTable config = new LuaTable();
        config.set("lfs_base", LuaValue.valueOf(store.exists() ? LFS_BASE : 0));
        config.set("lfs_mapped", LuaValue.valueOf(store.exists() ? LFS_MAPPED : 0));
        config.set("lfs_size", LuaValue.valueOf(store.size()));
        config.set("lfs_used", LuaValue.valueOf(store.used()));
        lfs.rawset("config", config);
        // node.LFS.name is node.LFS.get("name"), which is how LFS modules such as _init are reached
        LuaTable byName = new LuaTable();
        LibraryFunction.define(byName, "__index", args -> get.call(args.subargs(2)));
        lfs.setmetatable(byName);
        node.rawset("LFS", lfs.seal());
        LibraryFunction.define(node, "flashindex", get);
        LibraryFunction.define(node, "flashreload", reload);
    }

    /** {@code node.startup([options])}: changes the given options ({@code {}} restores the defaults); returns them all. */
    private static Varargs startup(Board board, Varargs args) {
        StartupOptions o = board.startup();
        if (args.narg() > 0) {
            LuaTable t = LuaArgs.checkTable(args, 1);
            if (t.next(LuaValue.NIL).arg1().isnil()) {
                o = StartupOptions.DEFAULT;
            } else {
                LuaValue banner = t.get("banner");
                LuaValue frequency = t.get("frequency");
                LuaValue delayMount = t.get("delay_mount");
                LuaValue command = t.get("command");
                if (!command.isnil() && !command.isstring()) {
                    throw new LuaError("failed to set command");
                }
                o = new StartupOptions(banner.isnil() ? o.banner() : banner.toboolean(),
                        frequency.isnil() ? o.frequency() : frequency.toint() == 160 ? 160 : 80,
                        delayMount.isnil() ? o.delayMount() : delayMount.toboolean(),
                        command.isnil() ? o.command() : LuaBytes.chars(command));
            }
            board.setStartup(o);
        }
        LuaTable result = new LuaTable();
        result.set("banner", LuaValue.valueOf(o.banner()));
        result.set("frequency", LuaValue.valueOf(o.frequency()));
        result.set("delay_mount", LuaValue.valueOf(o.delayMount()));
        result.set("command", LuaBytes.string(o.command()));
        return result;
    }

    private static Varargs bootReason(String reason) {
        if (reason.startsWith("watchdog")) {
            return LuaValue.varargsOf(LuaValue.valueOf(4), LuaValue.valueOf(1));
        }
        if (reason.startsWith("soft watchdog")) {
            return LuaValue.varargsOf(LuaValue.valueOf(4), LuaValue.valueOf(3));
        }
        if (reason.startsWith("deep sleep")) {
            return LuaValue.varargsOf(LuaValue.valueOf(2), LuaValue.valueOf(5));
        }
        if (reason.equals("power-on")) {
            return LuaValue.varargsOf(LuaValue.valueOf(1), LuaValue.valueOf(0));
        }
        return LuaValue.varargsOf(LuaValue.valueOf(2), LuaValue.valueOf(4));
    }

    private static Varargs random(SplittableRandom random, Varargs args) {
        switch (args.narg()) {
            case 0:
                return LuaValue.valueOf(random.nextDouble());
            case 1: {
                int n = checkInt(args, 1);
                if (n < 1) {
                    throw argError(1, "interval is empty");
                }
                return LuaValue.valueOf(1 + random.nextInt(n));
            }
            case 2: {
                int l = checkInt(args, 1);
                int u = checkInt(args, 2);
                if (l > u) {
                    throw argError(2, "interval is empty");
                }
                return LuaValue.valueOf(l + random.nextLong((long) u - l + 1));
            }
            default:
                throw new LuaError("wrong number of arguments");
        }
    }

    private static Varargs compile(Board board, String name) {
        if (name.isEmpty() || name.length() > 31 || name.indexOf('\0') >= 0) {
            throw argError(1, "filename invalid");
        }
        if (!name.endsWith(".lua")) {
            throw new LuaError("not a .lua file");
        }
        byte[] source = board.spiffs().getContents(name);
        if (source == null) {
            throw new LuaError("cannot open " + name);
        }
        LuaClosure f = board.lua().compile(new String(source, StandardCharsets.ISO_8859_1), "@" + name);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            DumpState.dump(f.p, out, true);
        } catch (java.io.IOException e) {
            throw new LuaError("writing to file failed");
        }
        String target = name.substring(0, name.length() - 4) + ".lc";
        if (!board.spiffs().putContents(target, out.toByteArray())) {
            throw new LuaError("cannot open/write to file");
        }
        return LuaValue.NONE;
    }

    private static Varargs info(Board board, Varargs args) {
        if (args.arg1().isnil()) {
            return LuaValue.varargsOf(new LuaValue[] { LuaValue.valueOf(3), LuaValue.valueOf(0), LuaValue.valueOf(0),
                    LuaValue.valueOf(CHIP_ID), LuaValue.valueOf(FLASH_ID), LuaValue.valueOf(FLASH_SIZE / 1024),
                    LuaValue.valueOf(0), LuaValue.valueOf(40000000) });
        }
        int group = LuaArgs.checkOption(args, 1, null, "hw", "sw_version", "build_config", "lfs");
        LuaTable t = new LuaTable();
        switch (group) {
            case 0 -> {
                t.set("chip_id", LuaValue.valueOf(CHIP_ID));
                t.set("flash_id", LuaValue.valueOf(FLASH_ID));
                t.set("flash_size", LuaValue.valueOf(FLASH_SIZE / 1024));
                t.set("flash_mode", LuaValue.valueOf(0));
                t.set("flash_speed", LuaValue.valueOf(40000000));
            }
            case 1 -> {
                t.set("git_branch", "dev");
                t.set("git_commit_id", "pearl-emulated");
                t.set("git_release", "3.0-master_20240426");
                t.set("git_commit_dts", "202404260000");
                t.set("node_version_major", LuaValue.valueOf(3));
                t.set("node_version_minor", LuaValue.valueOf(0));
                t.set("node_version_revision", LuaValue.valueOf(0));
            }
            case 2 -> {
                t.set("ssl", LuaValue.FALSE);
                t.set("lfs_size", LuaValue.valueOf(board.flashStore().size()));
                t.set("modules", board.moduleList());
                t.set("number_type", "float");
            }
            default -> {
                LuaFlashStore lfs = board.flashStore();
                t.set("lfs_base", LuaValue.valueOf(lfs.exists() ? LFS_BASE : 0));
                t.set("lfs_mapped", LuaValue.valueOf(lfs.exists() ? LFS_MAPPED : 0));
                t.set("lfs_size", LuaValue.valueOf(lfs.size()));
                t.set("lfs_used", LuaValue.valueOf(lfs.used()));
            }
        }
        return t;
    }
}
