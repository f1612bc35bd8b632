package pearl.launch.boards;

import java.util.function.Consumer;

import org.eclipse.debug.core.ILaunch;

import pearl.emulator.Board;
import pearl.emulator.BoardRunner;

/**
 * An emulated board that a launch of this workbench runs (with or without the debugger): what
 * the NodeMCU views show and act on. The board lives on a thread of its own; {@link #later} is
 * the one safe way to touch it.
 */
public final class RunningBoard {

    private final ILaunch launch;
    private final String label;
    private final BoardRunner runner;
    private final BoardMonitor monitor;
    private volatile boolean ended;

    /**
     * The board {@code runner} drives for {@code launch}, named {@code label} in the views; made
     * before the board boots, so that its {@link #monitor()} sees the boot.
     */
    public RunningBoard(ILaunch launch, String label, BoardRunner runner) {
        this.launch = launch;
        this.label = label;
        this.runner = runner;
        this.monitor = BoardMonitor.attach(runner.board());
    }

    /** The launch that runs it. */
    public ILaunch launch() {
        return launch;
    }

    /** Its name in the views: the launch configuration's. */
    public String label() {
        return label;
    }

    /** The board itself; read it only from {@link #later} or after it {@link #ended}. */
    public Board board() {
        return runner.board();
    }

    /**
     * Runs {@code action} with the board on the board's thread, between slices of its run. While
     * the debugger holds the board, the action waits until it resumes.
     */
    public void later(Consumer<Board> action) {
        runner.later(() -> action.accept(runner.board()));
    }

    /** What the board did lately (tasks, heap, reboots, queues); readable from any thread. */
    public BoardMonitor monitor() {
        return monitor;
    }

    /** Whether its launch has terminated (the board keeps its last state for the views). */
    public boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    @Override
    public String toString() {
        return label + (ended ? " (terminated)" : "");
    }
}
