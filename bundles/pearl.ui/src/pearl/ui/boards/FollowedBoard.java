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

import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;

/**
 * Which emulated board a view shows: the board of the launch selected in the Debug view, or the
 * board selected in the Boards view, or else the newest one running. Tells its owner on the UI
 * thread whenever that changes.
 */
final class FollowedBoard {

    private final IWorkbenchWindow window;
    private final Consumer<RunningBoard> follow;
    private final IDebugContextListener debugContext = event -> pick(event.getContext());
    private final ISelectionListener boardsView = (part, selection) -> pick(selection);
    private final RunningBoards.Listener boards = new RunningBoards.Listener() {
        @Override
        public void added(RunningBoard board) {
            onUiThread(() -> {
                if (current == null || current.ended()) {
                    show(board);
                }
            });
        }

        @Override
        public void ended(RunningBoard board) {
            onUiThread(() -> {
                if (board == current) {
                    follow.accept(board); // the same board, now terminated
                }
            });
        }

        @Override
        public void removed(RunningBoard board) {
            onUiThread(() -> {
                if (board == current) {
                    show(RunningBoards.get().newestRunning());
                }
            });
        }
    };
    private RunningBoard current;

    /** Follows the boards for a view of {@code window}, telling {@code follow} of each new one. */
    FollowedBoard(IWorkbenchWindow window, Consumer<RunningBoard> follow) {
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

    /** The board followed now, or null. */
    RunningBoard current() {
        return current;
    }

    /** Follows {@code board} (null: none) until something else is selected. */
    void show(RunningBoard board) {
        current = board;
        follow.accept(board);
    }

    private void pick(ISelection selection) {
        RunningBoard board = boardOf(selection);
        if (board != null && board != current) {
            show(board);
        }
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
