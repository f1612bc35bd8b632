package pearl.launch.boards;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.debug.core.ILaunch;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
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
    /** Actions given to {@link #ask} not yet run: a run that ends drops them, so {@link #end} runs them. */
    private final Set<Runnable> asked = ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<Consumer<String>> fileWatchers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean watchingFiles = new AtomicBoolean();

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

    /**
     * Runs {@code question} with the board on the board's thread (at once if the board has
     * {@link #ended}) and completes with its answer, or with what it threw. Unlike {@link #later},
     * the future completes even when the run ends before the board got to it.
     */
    public <T> CompletableFuture<T> ask(Function<Board, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                asked.remove(this);
                try {
                    answer.complete(question.apply(runner.board()));
                } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                }
            }
        };
        if (ended) {
            once.run();
        } else {
            asked.add(once);
            runner.later(once);
            if (ended) {
                once.run(); // it ended meanwhile: the runner may never get to it
            }
        }
        return answer;
    }

    /**
     * Joins a second serial line to the board's UART: its output also goes to {@code out}, and the
     * bytes of {@code in} reach its REPL as typed input, until {@code in} ends.
     */
    public void connectUart(java.io.InputStream in, java.io.OutputStream out) {
        // the listener is added on the board's thread: the board's listener list is not thread-safe
        runner.later(() -> runner.writeTo(out));
        runner.readFrom(in);
    }

    /** Types {@code text} at the board's REPL, as the console does with what the user types. */
    public void input(String text) {
        runner.input(text);
    }

    /**
     * Tells {@code changed} the name of every file the board creates, writes, removes or renames,
     * on the board's thread, until the returned handle is closed.
     */
    public AutoCloseable watchFiles(Consumer<String> changed) {
        if (watchingFiles.compareAndSet(false, true)) {
            // one listener on the board for all watchers: the board cannot forget a listener
            runner.board().addListener(new BoardListener() {
                @Override
                public void fileChanged(String name) {
                    fileWatchers.forEach(w -> w.accept(name));
                }
            });
        }
        fileWatchers.add(changed);
        return () -> fileWatchers.remove(changed);
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
        asked.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return label + (ended ? " (terminated)" : "");
    }
}
