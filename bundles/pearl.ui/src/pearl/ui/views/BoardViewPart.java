package pearl.ui.views;

import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import pearl.launch.boards.BoardMonitor;
import pearl.launch.boards.RunningBoard;
import pearl.ui.boards.FollowedBoard;

/**
 * A view of one emulated board's monitor: it follows the board {@link FollowedBoard#choose} picks and
 * redraws from a fresh snapshot a few times a second while it can be seen; with no board it says
 * so. While a debugger holds the board the monitor hears nothing, so the view keeps the last data.
 */
public abstract class BoardViewPart extends ViewPart {

    /** What the view says when there is no board to show. */
    public static final String NO_BOARD = "No emulated board running";

    private static final int REFRESH_MILLIS = 250;

    private Composite stack;
    private Label noBoard;
    private Composite content;
    private Label header;
    private RunningBoard shown;
    private final Runnable tick = this::tick;

    @Override
    public final void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        StackLayout layout = new StackLayout();
        stack.setLayout(layout);
        noBoard = new Label(stack, SWT.CENTER | SWT.WRAP);
        noBoard.setText(NO_BOARD);
        content = new Composite(stack, SWT.NONE);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        content.setLayout(grid);
        header = new Label(content, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite body = new Composite(content, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new org.eclipse.swt.layout.FillLayout());
        createBody(body);
        layout.topControl = noBoard;
        tick();
    }

    /** Makes the view's widgets in {@code parent}. */
    protected abstract void createBody(Composite parent);

    /** Shows {@code seen}, the newest snapshot of {@code board}'s monitor; returns the header's text. */
    protected abstract String show(RunningBoard board, BoardMonitor.Snapshot seen);

    /** The line above the view's content: the board's name and the view's figures. */
    public String headerText() {
        return header.getText();
    }

    /** Whether the view says that no board runs (rather than showing one). */
    public boolean showsNoBoard() {
        return ((StackLayout) stack.getLayout()).topControl == noBoard;
    }

    /** The board shown now, or null. */
    public RunningBoard board() {
        return shown;
    }

    /** Picks the board to show and shows its newest snapshot (the views' timer does this). */
    public void refresh() {
        // this window's debug context, not the "active" window's: that is known only once a window manager activated one
        ISelection context = DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow()).getActiveContext();
        RunningBoard board = FollowedBoard.choose(context);
        StackLayout layout = (StackLayout) stack.getLayout();
        Composite wanted = board == null ? null : content;
        shown = board;
        if (board != null) {
            String text = board.label() + (board.ended() ? " (terminated)" : "") + "  \u2014  " + show(board, board.monitor().snapshot());
            if (!text.equals(header.getText())) {
                header.setText(text);
            }
        }
        if ((wanted == null ? noBoard : wanted) != layout.topControl) {
            layout.topControl = wanted == null ? noBoard : wanted;
            stack.layout(true, true);
        }
    }

    private void tick() {
        if (stack.isDisposed()) {
            return;
        }
        if (stack.isVisible()) {
            refresh();
        }
        stack.getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    @Override
    public void setFocus() {
        focusTarget().setFocus();
    }

    /** The control that takes the keyboard focus when the view is activated. */
    protected Control focusTarget() {
        return stack;
    }

    @Override
    public void dispose() {
        if (stack != null && !stack.isDisposed()) {
            stack.getDisplay().timerExec(-1, tick);
        }
        super.dispose();
    }
}
