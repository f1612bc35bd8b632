package pearl.ui.views;

import java.util.List;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IProcess;

import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;

/** Which emulated board the NodeMCU views show. */
final class FollowedBoard {

    private FollowedBoard() {
    }

    /**
     * The board of the launch selected in the Debug view ({@code debugContext}) if an emulated
     * board runs it; else the newest board still running; else the newest board whose launch is
     * still listed, so that a finished run can be read; null when there is none.
     */
    static RunningBoard choose(Object debugContext) {
        List<RunningBoard> boards = RunningBoards.get().all();
        ILaunch selected = launchOf(debugContext);
        if (selected != null) {
            for (RunningBoard board : boards) {
                if (board.launch() == selected) {
                    return board;
                }
            }
        }
        RunningBoard running = RunningBoards.get().newestRunning();
        if (running != null) {
            return running;
        }
        return boards.isEmpty() ? null : boards.get(boards.size() - 1);
    }

    private static ILaunch launchOf(Object element) {
        if (element instanceof ILaunch launch) {
            return launch;
        }
        if (element instanceof IDebugElement debugElement) {
            return debugElement.getLaunch();
        }
        if (element instanceof IProcess process) {
            return process.getLaunch();
        }
        if (element instanceof IAdaptable adaptable) {
            return adaptable.getAdapter(ILaunch.class);
        }
        return null;
    }
}
