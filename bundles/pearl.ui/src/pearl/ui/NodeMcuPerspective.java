package pearl.ui;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;

import pearl.lua.ui.project.NewNodeMcuProjectWizard;
import pearl.ui.boards.BoardsView;
import pearl.ui.boards.SpiffsView;

/**
 * The "NodeMCU" perspective: projects on the left, the editor in the middle, the board's UART,
 * the problems and its files below, and the boards with their scheduler and heap on the right.
 */
public final class NodeMcuPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.2f, editors);
        left.addView(IPageLayout.ID_PROJECT_EXPLORER);
        left.addPlaceholder(IPageLayout.ID_OUTLINE);

        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.68f, editors);
        bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
        bottom.addView(SpiffsView.ID);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);

        IFolderLayout boards = layout.createFolder("boards", IPageLayout.RIGHT, 0.66f, editors);
        boards.addView(BoardsView.ID);
        IFolderLayout board = layout.createFolder("board", IPageLayout.BOTTOM, 0.3f, "boards");
        board.addView(PearlUi.SCHEDULER_VIEW);
        board.addView(PearlUi.HEAP_VIEW);

        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
        layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(SpiffsView.ID);
        layout.addShowViewShortcut(BoardsView.ID);
        layout.addShowViewShortcut(PearlUi.SCHEDULER_VIEW);
        layout.addShowViewShortcut(PearlUi.HEAP_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addPerspectiveShortcut(IDebugUIConstants.ID_DEBUG_PERSPECTIVE);
        layout.addNewWizardShortcut(NewNodeMcuProjectWizard.ID);
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
    }
}
