package pearl.launch.process;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.BoardRunner;

/**
 * An emulated board run without a debugger: a thread of its own drives it for the run length,
 * its UART feeds the console's output and the console's input feeds its REPL.
 */
public final class EmulatorProcess extends BoardProcess {

    /** Exit value of a run that ended in a reboot loop, as {@code pearl run} has it. */
    public static final int REBOOT_LOOP = 3;

    private final Board board;
    private final BoardRunner runner;
    private final long forMicros;
    private final boolean realtime;
    private Thread thread;

    /**
     * A process for {@code runner}'s board, to run {@code forMicros} of virtual time
     * ({@link Long#MAX_VALUE}: until terminated), paced to the wall clock when {@code realtime}.
     */
    public EmulatorProcess(ILaunch launch, String label, BoardRunner runner, long forMicros, boolean realtime) {
        super(launch, label, runner::input);
        this.runner = runner;
        this.board = runner.board();
        this.forMicros = forMicros;
        this.realtime = realtime;
        board.addListener(new ConsoleFeed());
    }

    /** Adds the process to its launch and boots the board. */
    public synchronized void start() {
        getLaunch().addProcess(this);
        announce();
        thread = new Thread(this::run, "pearl board: " + getLabel());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        int exit = 0;
        try {
            runner.run(forMicros, realtime, false);
            if (board.rebootLoopCause() != null) {
                exit = REBOOT_LOOP;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // the emulator's own failure: the user sees it in the console rather than nowhere
            streams().messages().append("the emulator failed: " + e + "\n");
            exit = 1;
        } finally {
            board.closeHostIo();
        }
        ended(exit);
    }

    @Override
    public void terminate() throws DebugException {
        runner.stop();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                // a slice of virtual time ends within moments; then the run thread reports the end
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t == null) {
            ended(0);
        }
    }

    /** The board's UART and its life events, into the console. */
    private final class ConsoleFeed implements BoardListener {
        @Override
        public void uartOutput(String bytes) {
            streams().boardOutput(bytes);
        }

        @Override
        public void rebooting(String reason) {
            streams().messages().append("board rebooting: " + reason + "\n");
        }

        @Override
        public void rebootLoop(String cause) {
            streams().messages().append("reboot loop: the board keeps restarting (" + cause + ")\n");
        }

        @Override
        public void portMapped(String protocol, int boardPort, java.net.InetSocketAddress host) {
            streams().messages().append("net: " + (protocol.equals("tcp") ? "" : protocol + " ") + "port " + boardPort + " -> "
                    + host.getAddress().getHostAddress() + ":" + host.getPort() + "\n");
        }
    }
}
