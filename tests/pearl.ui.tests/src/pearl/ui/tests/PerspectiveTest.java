package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsoleConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.device.SerialPorts;
import pearl.emulator.PtyBridge;
import pearl.launch.boards.RunningBoard;
import pearl.ui.PearlUi;
import pearl.ui.boards.BoardsView;
import pearl.ui.boards.SpiffsView;

/** The NodeMCU perspective, where Pearl opens, and its Boards view. */
class PerspectiveTest {

    @AfterEach
    void clean() throws Exception {
        BoardLaunches.clean();
    }

    @Test
    void pearlOpensInTheNodeMcuPerspectiveWithTheBoardsViewsAroundTheEditor() throws Exception {
        assertEquals(PearlUi.PERSPECTIVE, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
        IWorkbenchPage page = SpiffsViewTest.nodeMcuPerspective();
        page.resetPerspective();
        assertEquals("NodeMCU", page.getPerspective().getLabel());
        for (String view : List.of(IPageLayout.ID_PROJECT_EXPLORER, IConsoleConstants.ID_CONSOLE_VIEW, IPageLayout.ID_PROBLEM_VIEW,
                SpiffsView.ID, BoardsView.ID)) {
            assertNotNull(page.findViewReference(view), view + " is not in the perspective");
        }
        assertTrue(page.isPartVisible(page.findView(BoardsView.ID)), "the Boards view is out of sight");
        assertTrue(List.of(page.getShowViewShortcuts()).containsAll(List.of(SpiffsView.ID, BoardsView.ID, "pearl.ui.schedulerView", "pearl.ui.heapView")),
                List.of(page.getShowViewShortcuts()).toString());
        assertTrue(List.of(page.getPerspectiveShortcuts()).contains(IDebugUIConstants.ID_DEBUG_PERSPECTIVE));
    }

    @Test
    void anEmulatedBoardOnAPseudoTerminalIsOfferedAsASerialPortWhileItRuns() throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchPage page = SpiffsViewTest.nodeMcuPerspective();
        BoardsView boards = (BoardsView) page.showView(BoardsView.ID);
        String label;
        // as `pearl run --pty` in a terminal would: another process's board, listed in the PtyDirectory
        try (PtyBridge pty = PtyBridge.open("pearl run weather-station")) {
            label = "  " + pty.device() + "  (pearl run weather-station, pid " + ProcessHandle.current().pid() + ")";
            boards.refreshPorts();
            assertNotNull(Workbenches.await(display, () -> boards.labels().contains(label) ? boards : null), boards.labels().toString());
            Workbenches.screenshot(display, "boards-view-pty.png");
        }
        boards.refreshPorts();
        assertNotNull(Workbenches.await(display, () -> boards.ports() != null && !boards.labels().contains(label) ? boards : null),
                "gone once closed: " + boards.labels());
    }

    @Test
    void theBoardsViewListsThePortsAndTheRunningBoardsAndTheSpiffsViewFollowsTheOneSelected() throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchPage page = SpiffsViewTest.nodeMcuPerspective();
        ILaunch first = BoardLaunches.run(BoardLaunches.project("first", "print(\"one\")\n"));
        ILaunch second = BoardLaunches.run(BoardLaunches.project("second", SpiffsViewTest.LOGGER));
        BoardLaunches.awaitUart(display, second, "ready");
        RunningBoard one = BoardLaunches.boardOf(first);
        RunningBoard two = BoardLaunches.boardOf(second);

        BoardsView boards = (BoardsView) page.showView(BoardsView.ID);
        boards.refreshPorts();
        List<String> present = SerialPorts.present();
        assertNotNull(Workbenches.await(display, () -> present.equals(boards.ports()) && boards.boards().equals(List.of(one, two)) ? boards : null),
                boards.labels().toString());
        List<String> labels = boards.labels();
        assertEquals(BoardsView.PORTS, labels.get(0));
        for (String port : present.isEmpty() ? List.of(BoardsView.NO_PORTS) : present) {
            assertTrue(labels.contains("  " + port), labels.toString());
        }
        assertTrue(labels.contains("  " + one.label()) && labels.contains("  " + two.label()), labels.toString());

        SpiffsView spiffs = (SpiffsView) page.showView(SpiffsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        assertNotNull(Workbenches.await(display, () -> spiffs.board() == two ? spiffs : null), "the SPIFFS view shows " + spiffs.board());
        boards.getSite().getSelectionProvider().setSelection(new StructuredSelection(one));
        assertNotNull(Workbenches.await(display, () -> spiffs.board() == one ? spiffs : null), "the SPIFFS view did not follow the selection");
        assertNotNull(Workbenches.await(display, () -> spiffs.files().stream().anyMatch(f -> f.name().equals("init.lua")) ? spiffs : null));
        assertTrue(spiffs.files().stream().noneMatch(f -> f.name().equals("log.txt")), "the files of the other board: " + spiffs.files());

        first.terminate();
        assertNotNull(Workbenches.await(display, () -> boards.labels().contains("  " + one.label() + " (terminated)") ? boards : null),
                boards.labels().toString());
        assertSame(one, spiffs.board(), "the view keeps showing the board the user picked, ended");
        assertEquals(List.of("Download...", "Refresh"), SpiffsViewTest.enabledActions(spiffs));

        // the launch selected in the Debug view picks the board too
        IDebugView debug = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        Tree launches = (Tree) debug.getViewer().getControl();
        assertNotNull(Workbenches.await(display, () -> Arrays.stream(launches.getItems()).anyMatch(i -> i.getData() == second) ? launches : null),
                "the Debug view does not show the launch");
        debug.getViewer().setSelection(new TreeSelection(new TreePath(new Object[] { second })));
        var context = DebugUITools.getDebugContextManager().getContextService(page.getWorkbenchWindow());
        assertNotNull(Workbenches.await(display, () -> spiffs.board() == two ? spiffs : null),
                "the SPIFFS view did not follow the Debug view: its context is " + context.getActiveContext());
        assertNotNull(Workbenches.await(display, () -> spiffs.files().stream().anyMatch(f -> f.name().equals("log.txt")) ? spiffs : null));

        page.showView(SpiffsView.ID);
        Workbenches.flushEvents(display);
        Workbenches.screenshot(display, "nodemcu-perspective.png");
    }
}
