package pearl.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.hardware.BoardHardware;
import pearl.emulator.lua.CostModel;
import pearl.emulator.lua.LuaBytes;
import pearl.emulator.lua.LuaCallStack;
import pearl.emulator.lua.LuaHost;
import pearl.emulator.lua.LuaMachine;
import pearl.emulator.lua.LuaMemoryError;
import pearl.emulator.lua.RomTable;
import pearl.emulator.modules.FirmwareModule;
import pearl.lua.firmware.FirmwareConstant;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;

/**
 * An emulated NodeMCU board: SDK scheduler in virtual time, a Lua 5.1 state with the firmware's
 * modules, SPIFFS and UART0. It boots as the firmware does (banner, {@code init.lua}, the REPL's
 * first prompt), runs every Lua callback as a task with the CPU time its instructions would take,
 * reports a callback's error and restarts two seconds later, and reboots on
 * {@code node.restart()} and watchdog resets, keeping its file system and clock.
 */
public final class Board implements LuaHost {

    /** Registry key of the error handler, as {@code node.setonerror} stores it. */
    public static final String ONERROR = "onerror";
    /** Delay between a callback's error and the restart (DELAY2SEC in node.c). */
    public static final long ERROR_RESTART_MS = 2000;
    /** Reboots for the same kind of failure, each soon after boot, that make a reboot loop. */
    public static final int LOOP_REBOOTS = 3;
    /** How soon after boot a failing reboot counts toward a loop. */
    public static final long LOOP_WINDOW_MICROS = 10_000_000;

    private static final long METER_BATCH_CYCLES = 8_000;

    private final BoardOptions options;
    private final Spiffs spiffs;
    private final List<FirmwareModule> modules;
    private final FirmwareModel firmware;
    private final CostModel costs;
    private final VirtualClock clock = new VirtualClock();
    private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
    private final Uart uart = new Uart(this::wire);
    private final LuaRepl repl = new LuaRepl(this);
    private Scheduler scheduler;
    private LuaMachine lua;
    private int boots;
    private long bootMicros;
    private String bootReason = "power-on";
    private String pendingReboot;
    private int cpuMHz = 80;
    private long meteredCycles;
    private boolean metering;
    private final List<String> failingBoots = new ArrayList<>();
    private String loopCause;
    private long sleepMicros;
    private long sleepStart;
    private boolean asleep;
    private OutputPipe outputPipe;
    private HeapTracker heap;
    private LuaFlashStore flashStore = LuaFlashStore.none();
    private StartupOptions startup = StartupOptions.DEFAULT;
    private HostIo hostIo;
    private final BoardHardware hardware = new BoardHardware();
    private pearl.emulator.lua.DebugHook debugHook;
    private volatile boolean interrupted;

    /** A board with {@code options}, its file system {@code spiffs}, and the firmware {@code modules}. */
    public Board(BoardOptions options, Spiffs spiffs, List<FirmwareModule> modules, FirmwareModel firmware) {
        this.options = options;
        this.spiffs = spiffs;
        spiffs.setChangeListener(name -> listeners.forEach(l -> l.fileChanged(name)));
        this.modules = List.copyOf(modules);
        this.firmware = firmware;
        this.costs = CostModel.ESP8266;
    }

    /** Tells {@code listener} what the board does from now on, across reboots. */
    public void addListener(BoardListener listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ boot and run

    /**
     * Ends the run in progress after the running task, leaving the board as it is (no reboot): a
     * front end has what it waited for. Later runs return at once. Safe from any thread.
     */
    public void interrupt() {
        interrupted = true;
        Scheduler s = scheduler;
        if (s != null) {
            s.interrupt();
        }
    }

    /** Whether {@link #interrupt} was called. */
    public boolean isInterrupted() {
        return interrupted;
    }

    /** Powers the board on: boots it. */
    public void powerOn() {
        boot();
    }

    private void boot() {
        boots++;
        scheduler = new Scheduler(clock);
        if (hostIo != null) {
            hostIo.shutDown(); // the reset drops every connection of the previous boot
        }
        hostIo = new HostIo();
        scheduler.setHostIo(hostIo);
        scheduler.setWatchdogEnabled(options.watchdog());
        scheduler.addListener(new BoardListener() {
            @Override
            public void taskStarted(Priority priority, String source, long micros) {
                listeners.forEach(l -> l.taskStarted(priority, source, micros));
            }

            @Override
            public void taskDropped(Priority priority, String source, long micros) {
                listeners.forEach(l -> l.taskDropped(priority, source, micros));
            }

            @Override
            public void taskRan(TaskRun run) {
                listeners.forEach(l -> l.taskRan(run));
                sampleHeap();
            }

            @Override
            public void longTask(TaskRun run) {
                listeners.forEach(l -> l.longTask(run));
            }

            @Override
            public void watchdogReset(TaskRun run) {
                listeners.forEach(l -> l.watchdogReset(run));
            }
        });
        bootMicros = clock.micros();
        cpuMHz = startup.frequency();
        lua = new LuaMachine(this, options.seed() + boots - 1, costs);
        hardware.boot(scheduler, () -> {
            syncClock();
            return clock.micros();
        });
        for (FirmwareModule module : modules) {
            RomTable table = new RomTable(module.name());
            firmware.module(module.name()).ifPresent(data -> defineConstants(table, data));
            module.define(table, this);
            lua.addModule(module.name(), table);
        }
        lua.sealRom();
        attachDebugHook();
        heap = new HeapTracker(lua, options.heapBytes());
        lua.registry().rawset(ONERROR, LuaValue.NIL);
        repl.reset();
        outputPipe = null;
        uart.setInputHandler(repl::receive);
        uart.setAlternatePins(false);
        if (options.banner() && startup.banner()) {
            uart.write(BootBanner.text(modules, flashStore.size()));
        }
        scheduler.post(new Task(Priority.HIGH, "boot", this::startUp));
    }

    /** Sets the constants of {@code data} (numbers and strings) in {@code table}; subtables are the module's business. */
    public static void defineConstants(RomTable table, FirmwareTable data) {
        for (FirmwareConstant c : data.constants().values()) {
            if (c.value() instanceof Number n) {
                table.rawset(c.name(), LuaValue.valueOf(n.doubleValue()));
            } else if (c.value() instanceof String s) {
                table.rawset(c.name(), LuaValue.valueOf(s));
            }
        }
    }

    private void startUp() {
        meterStart();
        try {
            if (!options.safeBoot()) {
                runStartupCommand(startup.command());
            }
        } catch (LuaError e) {
            // the startup chunk runs under a plain protected call: printed, no restart
            lua.hooks().finish(e);
            output("lua: " + messageOf(e) + tracebackSuffix(e) + "\n");
        } finally {
            meterEnd();
        }
        repl.prompt();
    }

    /** The startup command: {@code @file} runs a file, {@code !name} an LFS module, anything else is Lua. */
    private void runStartupCommand(String command) {
        if (command.startsWith("@")) {
            String name = command.substring(1);
            byte[] file = spiffs.getContents(name);
            if (file == null) {
                output("cannot open " + name + ": \n");
                return;
            }
            lua.compile(new String(file, StandardCharsets.ISO_8859_1), "@" + name).call();
        } else if (command.startsWith("!")) {
            String source = flashStore.source(command.substring(1));
            if (source == null) {
                output("cannot find LFS module " + command.substring(1) + "\n");
                return;
            }
            lua.compileIntoFlash(source, "@" + command.substring(1) + ".lua").call();
        } else {
            lua.compile(command, "=INIT").call();
        }
    }

    /** The startup options ({@code node.startup}), kept in flash across reboots. */
    public StartupOptions startup() {
        return startup;
    }

    /** Sets the startup options for the next boots. */
    public void setStartup(StartupOptions options) {
        startup = options;
    }

    /**
     * Runs the board for {@code micros} of virtual time (booting it first if needed), rebooting it
     * whenever it would reboot, until the time is up or a reboot loop is found.
     */
    public void runFor(long micros) {
        if (scheduler == null) {
            powerOn();
        }
        long end = clock.micros() + micros;
        while (loopCause == null && clock.micros() < end && !interrupted) {
            if (asleep) {
                long wakeAt = sleepMicros == 0 ? Long.MAX_VALUE : sleepStart + sleepMicros;
                if (wakeAt > end) {
                    clock.advanceTo(end);
                    return;
                }
                clock.advanceTo(wakeAt);
                asleep = false;
                bootReason = "deep sleep wake";
                boot();
                continue;
            }
            scheduler.runFor(end - clock.micros());
            if (scheduler.isReset()) {
                String reason = pendingReboot != null ? pendingReboot : "watchdog reset";
                if (reason.startsWith("deep sleep")) {
                    pendingReboot = null;
                    asleep = true;
                    sleepStart = clock.micros();
                    listeners.forEach(l -> l.rebooting(reason));
                    continue;
                }
                reboot(reason);
            }
        }
    }

    /** {@code node.dsleep(us)}: sleeps after the running task and wakes with a reboot; 0 sleeps for good. */
    public void deepSleep(long micros) {
        sleepMicros = Math.max(0, micros);
        restart("deep sleep " + (micros <= 0 ? "(until reset)" : micros + " us"));
    }

    private void reboot(String reason) {
        pendingReboot = null;
        boolean failing = !reason.startsWith("node.restart");
        long upMicros = clock.micros() - bootMicros;
        if (failing && upMicros <= LOOP_WINDOW_MICROS) {
            failingBoots.add(reason);
        } else {
            failingBoots.clear();
        }
        listeners.forEach(l -> l.rebooting(reason));
        uart.write(ResetMessages.of(reason));
        if (failingBoots.size() >= LOOP_REBOOTS) {
            loopCause = reason;
            listeners.forEach(l -> l.rebootLoop(reason));
            return;
        }
        bootReason = reason;
        boot();
    }

    /** The cause of the reboot loop the board fell into, or null. */
    public String rebootLoopCause() {
        return loopCause;
    }

    /** Why the board last booted ("power-on", "node.restart()", "watchdog reset", ...). */
    public String bootReason() {
        return bootReason;
    }

    /** Restarts the board after the running task, as {@code system_restart()} does. */
    public void restart(String reason) {
        if (pendingReboot == null) {
            pendingReboot = reason;
        }
        scheduler.halt();
    }

    // ------------------------------------------------------------------ tasks and callbacks

    /**
     * Queues {@code function(args)} as a task, run as the firmware runs callbacks: an error is
     * reported to the {@code onerror} handler with its traceback (by default: printed, then a
     * restart two seconds later).
     *
     * @return false when the priority's queue is full
     */
    public boolean post(Priority priority, String source, LuaValue function, Varargs args) {
        return scheduler.post(new Task(priority, source, () -> callback(function, args)));
    }

    /** Queues Java work as a task that may call Lua (metered, errors reported as callbacks'). */
    public boolean post(Priority priority, String source, Runnable work) {
        return scheduler.post(new Task(priority, source, () -> metered(work)));
    }

    private void callback(LuaValue function, Varargs args) {
        metered(() -> function.invoke(args));
    }

    /**
     * Calls {@code function(args)} now, inside the running task, as the firmware calls a
     * callback: metered, and an error reported to the {@code onerror} handler.
     */
    public void call(LuaValue function, Varargs args) {
        callback(function, args);
    }

    private void metered(Runnable work) {
        meterStart();
        try {
            work.run();
        } catch (LuaMemoryError e) {
            // no handler runs for a memory error: a fixed text, no traceback (luaL_pcallx)
            reportError("out of memory");
        } catch (LuaError e) {
            lua.hooks().finish(e);
            reportError(messageOf(e) + tracebackSuffix(e));
        } catch (StackOverflowError e) {
            reportError("stack overflow");
        } finally {
            meterEnd();
        }
    }

    /** {@code "\n" + stack traceback} of an error that reached a Lua frame, else empty. */
    String tracebackSuffix(LuaError e) {
        String traceback = lua.hooks().tracebackOf(e);
        return traceback.isEmpty() ? "" : "\n" + traceback;
    }

    /**
     * The text of an error as the firmware prints it: the traceback handler passes a non-string
     * error object through and {@code print} shows it ({@code table: 0x...}).
     */
    static String messageOf(LuaError e) {
        LuaValue m = e.getMessageObject();
        if (m == null) {
            return "nil";
        }
        return m.isstring() ? LuaBytes.chars(m) : pearl.emulator.lua.BaseLibrary.plainText(m);
    }

    /** Hands an error text to the {@code onerror} handler in a new high-priority task. */
    public void reportError(String text) {
        LuaMachine machine = lua;
        scheduler.post(new Task(Priority.HIGH, "error report", () -> {
            if (heapExhausted()) {
                return;
            }
            LuaValue handler = machine.registry().rawget(ONERROR);
            if (handler.isfunction()) {
                metered(() -> handler.call(LuaBytes.string(text)));
                return;
            }
            // the firmware's default: print, restart two seconds later
            output(text + "\n");
            BoardTimer restart = scheduler.createTimer();
            restart.alarm(ERROR_RESTART_MS, TimerMode.SINGLE, t -> restart("panic: " + firstLine(text)));
        }));
    }

    private static String firstLine(String text) {
        int eol = text.indexOf('\n');
        return eol < 0 ? text : text.substring(0, eol);
    }

    // ------------------------------------------------------------------ CPU time

    private void meterStart() {
        metering = true;
        meteredCycles = lua.hooks().cycles();
        lua.hooks().setCycleLimit(meteredCycles + METER_BATCH_CYCLES, h -> meter());
    }

    private void meter() {
        if (debugHook != null) {
            debugHook.poll();
        }
        long cycles = lua.hooks().cycles();
        long micros = (cycles - meteredCycles) / cpuMHz;
        meteredCycles += micros * cpuMHz;
        lua.hooks().setCycleLimit(cycles + METER_BATCH_CYCLES);
        scheduler.consume(micros);
    }

    private void meterEnd() {
        try {
            meter();
        } finally {
            metering = false;
            lua.hooks().setCycleLimit(Long.MAX_VALUE);
        }
    }

    /**
     * Brings the clock up to date with the CPU time the running task has used so far, so that
     * what it reads ({@code tmr.now()}) or arms (a timer) is as of now.
     */
    public void syncClock() {
        if (metering) {
            meter();
        }
    }

    /** Busy CPU time outside Lua ({@code tmr.delay}); may end the task through the watchdog. */
    public void busy(long micros) {
        meter();
        scheduler.consume(micros);
    }

    /** {@code node.setcpufreq}: 80 or 160 MHz. */
    public void setCpuMHz(int mhz) {
        meter();
        cpuMHz = mhz;
    }

    /** The CPU clock in MHz. */
    public int cpuMHz() {
        return cpuMHz;
    }

    // ------------------------------------------------------------------ debugging

    /**
     * Attaches a debugger to this board, across reboots (or detaches it, with null): it sees
     * breakpoints' lines, errors and the watchdog inside the running code, and gets a call between
     * tasks. Call it on the board's thread, or before the board runs.
     */
    public void setDebugHook(pearl.emulator.lua.DebugHook hook) {
        this.debugHook = hook;
        if (lua != null) {
            attachDebugHook();
        }
    }

    private void attachDebugHook() {
        pearl.emulator.lua.DebugHook hook = debugHook;
        lua.hooks().setDebugHook(hook);
        if (hook == null) {
            scheduler.setDebugHooks(() -> {
            }, () -> {
            });
        } else {
            scheduler.setDebugHooks(hook::watchdog, hook::poll);
        }
    }

    /** Where the running Lua code is ({@code init.lua:12}), or null outside Lua code. */
    public String callSite() {
        LuaCallStack.Frame frame = lua.hooks().stack().innermost();
        if (frame == null || frame.line() < 0) {
            return null;
        }
        return frame.source() + ":" + frame.line();
    }

    // ------------------------------------------------------------------ parts

    /** The scheduler of the current boot. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The Lua state of the current boot. */
    public LuaMachine lua() {
        return lua;
    }

    /** The file system (kept across reboots). */
    public Spiffs spiffs() {
        return spiffs;
    }

    /** UART0. */
    public Uart uart() {
        return uart;
    }

    /** The options the board was built with. */
    public BoardOptions options() {
        return options;
    }

    /** The firmware data (module names, constants). */
    public FirmwareModel firmware() {
        return firmware;
    }

    /** Microseconds since this boot (what {@code tmr.now()} counts). */
    public long uptimeMicros() {
        syncClock();
        return clock.micros() - bootMicros;
    }

    /** Virtual microseconds since power-on, across reboots. */
    public long clockMicros() {
        return clock.micros();
    }

    /** Boots so far, the first one included. */
    public int boots() {
        return boots;
    }

    /** The bridge from the host's sockets to this boot's scheduler. */
    public HostIo hostIo() {
        return hostIo;
    }

    /** Stops this boot's host I/O: closes its sockets (when the board is done with). */
    public void closeHostIo() {
        if (hostIo != null) {
            hostIo.shutDown();
        }
    }

    /** Tells listeners that the board's {@code protocol} port {@code boardPort} is served at {@code host}. */
    public void announcePort(String protocol, int boardPort, java.net.InetSocketAddress host) {
        listeners.forEach(l -> l.portMapped(protocol, boardPort, host));
    }

    /** What is wired to the board (inputs, buses, devices) and the state of its pins. */
    public BoardHardware hardware() {
        return hardware;
    }

    /** The REPL on UART0. */
    public LuaRepl repl() {
        return repl;
    }

    /** Bytes on the wire, to every listener. */
    private void wire(String bytes) {
        listeners.forEach(l -> l.uartOutput(bytes));
    }

    /** The firmware module of this build of class {@code type}, if the build has it. */
    public <T extends FirmwareModule> java.util.Optional<T> module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The modules of this build, comma separated, as the banner and {@code node.info} list them. */
    public String moduleList() {
        return String.join(",", modules.stream().map(FirmwareModule::name).sorted().toList());
    }

    /** Gives the board a Lua Flash Store image (before it boots; flash keeps it across reboots). */
    public void setFlashStore(LuaFlashStore store) {
        this.flashStore = store;
    }

    /** The board's Lua Flash Store (empty without an LFS partition). */
    public LuaFlashStore flashStore() {
        return flashStore;
    }

    /** Free heap bytes ({@code node.heap()}). */
    public long freeHeap() {
        return heap == null ? options.heapBytes() : heap.free();
    }

    /**
     * {@code node.output(fn, serialDebug)}: output goes to {@code fn(pipe)} (and to the UART too
     * when {@code serialDebug}); a null {@code fn} gives it back to the UART.
     */
    public void redirectOutput(LuaValue fn, boolean serialDebug) {
        outputPipe = fn == null ? null : new OutputPipe(this, fn, serialDebug);
    }

    // ------------------------------------------------------------------ LuaHost

    @Override
    public void output(String bytes) {
        if (outputPipe == null) {
            uart.write(bytes);
            return;
        }
        outputPipe.write(bytes);
    }

    @Override
    public byte[] readFile(String name) {
        return spiffs.getContents(name);
    }

    @Override
    public long heapUsed() {
        return heap == null ? 0 : heap.used();
    }

    @Override
    public void collectGarbage() {
        if (heap != null) {
            heap.collect();
        }
    }

    // ------------------------------------------------------------------ Lua heap

    /** The Lua heap of the current boot. */
    public HeapTracker heap() {
        return heap;
    }

    /** After a task: tells listeners how the heap stands, at most every {@link HeapTracker#SAMPLE_MICROS}. */
    private void sampleHeap() {
        if (heap != null && listeners.stream().anyMatch(BoardListener::wantsHeapSamples) && heap.sampleDue(clock.micros())) {
            HeapBreakdown b = heap.breakdown();
            long free = heap.free();
            listeners.forEach(l -> l.heapSample(b, free));
            int entries = registryEntries();
            listeners.forEach(l -> l.registrySize(entries));
        }
    }

    /** References in the Lua registry now. */
    public int registryEntries() {
        int n = 0;
        LuaValue k = LuaValue.NIL;
        while (!(k = lua.registry().next(k).arg1()).isnil()) {
            n++;
        }
        return n;
    }

    /**
     * When not even an error message fits on the heap, the firmware's attempt to report an error
     * fails outside any protected call: Lua panics and the chip restarts.
     */
    private boolean heapExhausted() {
        if (heap == null || !heap.exhausted()) {
            return false;
        }
        output("PANIC: unprotected error in call to Lua API (" + LuaMemoryError.MESSAGE + ")\n");
        restart("panic: " + LuaMemoryError.MESSAGE);
        return true;
    }
}
