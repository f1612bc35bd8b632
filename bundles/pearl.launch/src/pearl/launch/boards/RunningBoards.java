package pearl.launch.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;

/**
 * The emulated boards of this workbench's launches, for the views that show them. A board is
 * listed from its launch's start; it is marked ended when the launch terminates, and leaves the
 * list when the launch is removed (Remove All Terminated), so a finished run can still be read.
 */
public final class RunningBoards {

    /** Hears boards come and go; called on the thread that launched or ended them. */
    public interface Listener {
        /** {@code board} was launched. */
        void added(RunningBoard board);

        /** {@code board}'s launch terminated ({@link RunningBoard#ended()} is now true). */
        default void ended(RunningBoard board) {
        }

        /** {@code board}'s launch was removed. */
        void removed(RunningBoard board);
    }

    private static final RunningBoards INSTANCE = new RunningBoards();

    private final List<RunningBoard> boards = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean watchingLaunches;

    private RunningBoards() {
    }

    /** The workbench's one list. */
    public static RunningBoards get() {
        return INSTANCE;
    }

    /** Lists {@code board} until its launch is removed. */
    public void add(RunningBoard board) {
        watchLaunches();
        boards.add(board);
        listeners.forEach(l -> l.added(board));
        if (board.launch().isTerminated()) {
            launchEnded(board.launch());
        }
    }

    /** The boards listed, oldest first. */
    public List<RunningBoard> all() {
        return new ArrayList<>(boards);
    }

    /** The newest board still running, or null. */
    public RunningBoard newestRunning() {
        List<RunningBoard> now = all();
        for (int i = now.size() - 1; i >= 0; i--) {
            if (!now.get(i).ended()) {
                return now.get(i);
            }
        }
        return null;
    }

    /** Starts telling {@code listener} of boards that come and go. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Stops telling {@code listener}. */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private synchronized void watchLaunches() {
        if (watchingLaunches || DebugPlugin.getDefault() == null) {
            return;
        }
        watchingLaunches = true;
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(new ILaunchesListener2() {
            @Override
            public void launchesTerminated(ILaunch[] launches) {
                for (ILaunch launch : launches) {
                    launchEnded(launch);
                }
            }

            @Override
            public void launchesRemoved(ILaunch[] launches) {
                for (ILaunch launch : launches) {
                    for (RunningBoard board : all()) {
                        if (board.launch() == launch && boards.remove(board)) {
                            board.end();
                            listeners.forEach(l -> l.removed(board));
                        }
                    }
                }
            }

            @Override
            public void launchesAdded(ILaunch[] launches) {
            }

            @Override
            public void launchesChanged(ILaunch[] launches) {
            }
        });
    }

    private void launchEnded(ILaunch launch) {
        for (RunningBoard board : all()) {
            if (board.launch() == launch && !board.ended()) {
                board.end();
                listeners.forEach(l -> l.ended(board));
            }
        }
    }
}
