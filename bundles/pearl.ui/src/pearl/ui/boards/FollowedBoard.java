package pearl.ui.boards;

import java.util.function.Consumer;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.debug.ui.contexts.IDebugContextService;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchWindow;

import pearl.device.repl.SerialLink;
import pearl.launch.boards.BoardFileSystem;
import pearl.launch.boards.BoardStorage;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.SerialBoardFileSystem;
import pearl.launch.boards.RunningBoards;

/**
 * Which board a view shows: the emulated board of the launch selected in the Debug view, or the
 * board or serial port selected in the Boards view, or else the newest emulated board running.
 * Tells its owner on the UI thread, with the board's files, whenever that changes.
 */
public final class FollowedBoard {

    private final IWorkbenchWindow window;
    private final Consumer<BoardStorage> follow;
    private final IDebugContextListener debugContext = event -> pick(event.getContext());
    private final ISelectionListener boardsView = (part, selection) -> pick(selection);
    private final RunningBoards.Listener boards = new RunningBoards.Listener() {
        @Override
        public void added(RunningBoard board) {
            onUiThread(() -> {
                if (storage == null || storage.ended()) {
                    show(board);
                }
            });
        }

        @Override
        public void ended(RunningBoard board) {
            onUiThread(() -> {
                if (storage instanceof BoardFileSystem files && files.board() == board) {
                    follow.accept(storage); // the same board, now terminated
                }
            });
        }

        @Override
        public void removed(RunningBoard board) {
            onUiThread(() -> {
                if (storage instanceof BoardFileSystem files && files.board() == board) {
                    show(RunningBoards.get().newestRunning());
                }
            });
        }
    };
    private BoardStorage storage;

    /** Follows the boards for a view of {@code window}, telling {@code follow} of each new one's files. */
    FollowedBoard(IWorkbenchWindow window, Consumer<BoardStorage> follow) {
        this.window = window;
        this.follow = follow;
    }

    /** Starts following, with the board that is selected or the newest running. */
    void start() {
        IDebugContextService service = DebugUITools.getDebugContextManager().getContextService(window);
        service.addDebugContextListener(debugContext);
        window.getSelectionService().addPostSelectionListener(BoardsView.ID, boardsView);
        RunningBoards.get().addListener(boards);
        RunningBoard selected = boardOf(service.getActiveContext());
        show(selected != null ? selected : RunningBoards.get().newestRunning());
    }

    /** Stops following. */
    void stop() {
        DebugUITools.getDebugContextManager().getContextService(window).removeDebugContextListener(debugContext);
        window.getSelectionService().removePostSelectionListener(BoardsView.ID, boardsView);
        RunningBoards.get().removeListener(boards);
    }

    /** Follows emulated {@code board} (null: none) until something else is selected. */
    void show(RunningBoard board) {
        show(board == null ? null : new BoardFileSystem(board));
    }

    /** Follows the board whose files are {@code files} (null: none) until something else is selected. */
    void show(BoardStorage files) {
        storage = files;
        follow.accept(files);
    }

    private void pick(ISelection selection) {
        RunningBoard board = boardOf(selection);
        if (board != null && !(storage instanceof BoardFileSystem files && files.board() == board)) {
            show(board);
        }
        BoardsView.SerialPort port = portOf(selection);
        if (port != null && !(storage instanceof SerialBoardFileSystem files && files.port().equals(port.name()))) {
            show(new SerialBoardFileSystem(port.name(), SerialLink.DEFAULT_BAUD));
        }
    }

    private static BoardsView.SerialPort portOf(ISelection selection) {
        return selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof BoardsView.SerialPort port ? port
                : null;
    }

    /**
     * The board of the launch selected in the Debug view ({@code debugContext}) if an emulated
     * board runs it; else the newest board still running; else the newest board whose launch is
     * still listed, so that a finished run can be read; null when there is none.
     */
    public static RunningBoard choose(ISelection debugContext) {
        RunningBoard selected = boardOf(debugContext);
        if (selected != null) {
            return selected;
        }
        RunningBoard running = RunningBoards.get().newestRunning();
        if (running != null) {
            return running;
        }
        java.util.List<RunningBoard> boards = RunningBoards.get().all();
        return boards.isEmpty() ? null : boards.get(boards.size() - 1);
    }

    /** The board the first element of {@code selection} stands for: itself, or its launch's. */
    static RunningBoard boardOf(ISelection selection) {
        if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
            return null;
        }
        Object element = structured.getFirstElement();
        if (element instanceof RunningBoard board) {
            return board;
        }
        ILaunch launch = launchOf(element);
        if (launch == null) {
            return null;
        }
        return RunningBoards.get().all().stream().filter(b -> b.launch() == launch).reduce((a, b) -> b).orElse(null);
    }

    private static ILaunch launchOf(Object element) {
        if (element instanceof ILaunch launch) {
            return launch;
        }
        if (element instanceof IProcess process) {
            return process.getLaunch();
        }
        if (element instanceof IDebugElement debugElement) {
            return debugElement.getLaunch();
        }
        return Adapters.adapt(element, ILaunch.class);
    }

    private void onUiThread(Runnable action) {
        Display display = window.getShell() == null ? null : window.getShell().getDisplay();
        if (display != null && !display.isDisposed()) {
            display.asyncExec(action);
        }
    }
}
