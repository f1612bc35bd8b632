package pearl.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.BoardRunner;
import pearl.emulator.ProjectBoard;
import pearl.emulator.PtyBridge;
import pearl.emulator.UartPacing;
import pearl.emulator.trace.EventLog;
import pearl.emulator.trace.SignalTrace;
import pearl.emulator.TaskRun;

/**
 * The options {@code pearl run} and {@code pearl repl} share, and the emulated board they build
 * from them: the project's files in SPIFFS, its {@code lfs/} folder in the Lua Flash Store, the
 * modules of the board profile, the limits asked for.
 */
final class BoardSession {

    static final String OPTIONS_USAGE = """
              --for DURATION    virtual time to run (500ms, 10s, 5m, 24h, 2d)
              --realtime        pace virtual time to the wall clock
              --seed N          fixes every random source (default 1): runs repeat exactly
              --trace LIST      to stderr: tasks, heap, files (comma separated)
              --safe-boot       do not run init.lua (the FAQ's recovery from a reboot loop)
              --profile FILE    the board's firmware build (modules), as for pearl lint
              --heap BYTES      free heap at boot (default: the profile's, else 45056); lift it
                                for long computations
              --no-watchdog     let tasks run past 500 ms (benchmarks, long computations)
              --pty             expose the UART on a new pseudo-terminal for serial tools
              --pty-baud N      with --pty: pace the bytes both ways to N baud, 8N1, as a real
                                board's USB-serial line (default: as fast as the pty goes)
              --trace-json FILE  write tasks, heap samples, registry size, file changes and
                                reboots as JSON lines (one object each, "t" in virtual µs)
              --vcd FILE        record GPIO levels, PWM duties and UART TX in virtual time as a
                                Value Change Dump (GTKWave, PulseView)
            """;

    /** Parsed options. */
    record Options(Path project, long forMicros, boolean realtime, long seed, Set<String> trace, boolean safeBoot,
            Path profile, long heap, boolean watchdog, boolean pty, int ptyBaud, Path vcd, Path traceJson) {
    }

    private BoardSession() {
    }

    /** Parses the shared options; {@code defaultFor} is the run length when none is given. */
    static Options parse(List<String> args, long defaultFor, boolean realtimeByDefault) throws UsageException {
        Path project = null;
        long forMicros = defaultFor;
        boolean realtime = realtimeByDefault;
        long seed = 1;
        Set<String> trace = new LinkedHashSet<>();
        boolean safeBoot = false;
        Path profile = null;
        long heap = -1;
        boolean watchdog = true;
        boolean pty = false;
        int ptyBaud = 0;
        Path vcd = null;
        Path traceJson = null;
        ArgumentReader in = new ArgumentReader(args);
        while (in.hasNext()) {
            String arg = in.next();
            switch (arg) {
                case "--realtime" -> realtime = true;
                case "--safe-boot" -> safeBoot = true;
                case "--no-watchdog" -> watchdog = false;
                case "--pty" -> pty = true;
                case "--for" -> forMicros = ArgumentReader.duration(arg, in.value(arg));
                case "--seed" -> seed = number(arg, in.value(arg));
                case "--pty-baud" -> {
                    long baud = number(arg, in.value(arg));
                    if (baud < 300 || baud > 4_608_000) {
                        throw new UsageException("--pty-baud takes a baud rate from 300 to 4608000, not " + baud);
                    }
                    ptyBaud = (int) baud;
                }
                case "--heap" -> heap = number(arg, in.value(arg));
                case "--profile" -> profile = Path.of(in.value(arg));
                case "--vcd" -> vcd = Path.of(in.value(arg));
                case "--trace-json" -> traceJson = Path.of(in.value(arg));
                case "--trace" -> {
                    for (String kind : in.value(arg).split(",")) {
                        if (!Set.of("tasks", "heap", "files").contains(kind.trim())) {
                            throw new UsageException("--trace takes tasks, heap or files, not '" + kind + "'");
                        }
                        trace.add(kind.trim());
                    }
                }
                default -> {
                    String plain = ArgumentReader.plain(arg);
                    if (project != null) {
                        throw new UsageException("one project folder only (got " + project + " and " + plain + ")");
                    }
                    project = Path.of(plain);
                }
            }
        }
        if (project == null) {
            throw new UsageException("which project? Give its folder (the one with init.lua)");
        }
        if (ptyBaud > 0 && !pty) {
            throw new UsageException("--pty-baud paces the pseudo-terminal: give --pty too");
        }
        return new Options(project, forMicros, realtime || pty, seed, trace, safeBoot, profile, heap, watchdog, pty, ptyBaud, vcd,
                traceJson);
    }

    private static long number(String option, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, not '" + value + "'");
        }
    }

    /** What a command does with its board once the board (and the pseudo-terminal, with --pty) is up. */
    interface Session {
        /** Drives the board through {@code runner}; {@code pty} is null without --pty. */
        void drive(BoardRunner runner, PtyBridge pty) throws IOException, InterruptedException;
    }

    /**
     * Builds the board for {@code options}, connects it to a pseudo-terminal when asked, and lets
     * {@code session} drive it.
     *
     * @return the board as the session left it, or null after telling the user why there is none
     */
    static Board run(Options options, Console console, String command, Session session) {
        Board board = open(options, console, command);
        if (board == null) {
            return null;
        }
        BoardRunner runner = new BoardRunner(board);
        SignalTrace signals = options.vcd() == null ? null : SignalTrace.record(board);
        try (PtyBridge pty = options.pty() ? PtyBridge.open("pearl " + command + " " + options.project().toAbsolutePath().normalize().getFileName()) : null;
                java.io.Writer events = options.traceJson() == null ? null
                        : java.nio.file.Files.newBufferedWriter(options.traceJson(), java.nio.charset.StandardCharsets.UTF_8)) {
            if (events != null) {
                EventLog.record(board, events);
            }
            if (pty != null) {
                console.err().println("UART on " + pty.device());
                java.io.OutputStream toHost = pty.process().getOutputStream();
                java.io.InputStream fromHost = pty.process().getInputStream();
                if (options.ptyBaud() > 0) {
                    toHost = UartPacing.paced(toHost, options.ptyBaud());
                    fromHost = UartPacing.paced(fromHost, options.ptyBaud());
                }
                runner.writeTo(toHost);
                runner.readFrom(fromHost);
            }
            session.drive(runner, pty);
            board.closeHostIo();
            if (signals != null) {
                signals.write(options.vcd());
            }
        } catch (IOException e) {
            console.err().println("pearl " + command + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.out().flush();
        return board;
    }

    /** The board for {@code options}, or null after telling the user why there is none. */
    private static Board open(Options options, Console console, String command) {
        try {
            return build(options, console, command);
        } catch (IOException e) {
            console.err().println("pearl " + command + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The board for {@code options}, its SPIFFS holding the project's files.
     *
     * @throws IOException with a message for the user: no such folder, unreadable profile, a file
     *                     that does not fit
     */
    static Board build(Options options, Console console, String command) throws IOException {
        ProjectBoard setup = new ProjectBoard(options.project(), options.profile(), options.seed(), options.heap(),
                options.watchdog(), options.safeBoot());
        Board board = setup.build(warning -> console.err().println("pearl " + command + ": warning: " + warning));
        board.addListener(new PortMappings(console));
        if (!options.trace().isEmpty()) {
            board.addListener(new Tracer(board, options.trace(), console));
        }
        return board;
    }

    /** Tells the user where the host reaches the board's servers: {@code net: port 80 -> 127.0.0.1:49152}. */
    private record PortMappings(Console console) implements BoardListener {
        @Override
        public void portMapped(String protocol, int boardPort, InetSocketAddress host) {
            String kind = protocol.equals("tcp") ? "" : protocol + " ";
            console.err().println("net: " + kind + "port " + boardPort + " -> " + host.getAddress().getHostAddress() + ":" + host.getPort());
        }
    }

    /** {@code --trace}: what happened, one line each, on stderr. */
    private static final class Tracer implements BoardListener {
        private final Board board;
        private final Set<String> kinds;
        private final Console console;

        Tracer(Board board, Set<String> kinds, Console console) {
            this.board = board;
            this.kinds = kinds;
            this.console = console;
        }

        private String time(long micros) {
            return String.format("[%12.6f s] ", micros / 1e6);
        }

        @Override
        public void taskRan(TaskRun run) {
            if (kinds.contains("tasks")) {
                console.err().println(time(run.startMicros()) + "task " + run.priority() + " " + run.source() + " "
                        + String.format("%.3f ms", run.durationMicros() / 1000.0));
            }
            if (kinds.contains("heap")) {
                console.err().println(time(board.clockMicros()) + "heap free " + board.freeHeap() + " bytes");
            }
        }

        @Override
        public void fileChanged(String name) {
            if (kinds.contains("files")) {
                Integer size = board.spiffs().list().get(name);
                console.err().println(time(board.clockMicros()) + "file " + name
                        + (size == null ? " removed" : " " + size + " bytes"));
            }
        }

        @Override
        public void longTask(TaskRun run) {
            if (kinds.contains("tasks")) {
                console.err().println(time(run.startMicros()) + "warning: task " + run.source() + " ran "
                        + String.format("%.1f ms", run.durationMicros() / 1000.0) + " (the SDK asks for under 15 ms)");
            }
        }

        @Override
        public void taskDropped(pearl.emulator.Priority priority, String source, long micros) {
            if (kinds.contains("tasks")) {
                console.err().println(time(micros) + "warning: the " + priority + " queue is full (8 tasks): " + source
                        + " lost");
            }
        }

        @Override
        public void rebooting(String reason) {
            console.err().println(time(board.clockMicros()) + "reboot: " + reason);
        }
    }
}
