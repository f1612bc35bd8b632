package pearl.ui.debug;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.swt.widgets.Display;

import pearl.launch.model.DapDebugTarget;

/**
 * "Continue to Next Task": the board selected in the Debug view runs on to the first line of the
 * next task that runs Lua code. Enabled while a Pearl board is selected and stopped; the Debug
 * view's selection and the board's stops and runs change that, so both are listened to.
 */
public final class ContinueToNextTaskHandler extends AbstractHandler implements IDebugEventSetListener, IDebugContextListener {

    /** The command's id in plugin.xml. */
    public static final String COMMAND = "pearl.ui.debug.continueToNextTask";

    public ContinueToNextTaskHandler() {
        DebugPlugin.getDefault().addDebugEventListener(this);
        DebugUITools.getDebugContextManager().addDebugContextListener(this);
        refresh();
    }

    @Override
    public Object execute(ExecutionEvent event) {
        DapDebugTarget target = selectedStoppedBoard();
        if (target != null) {
            // the request waits for the adapter's answer: not on the UI thread
            Job.create("Continue to next task", monitor -> {
                target.continueToNextTask();
            }).schedule();
        }
        return null;
    }

    /** The debug target of the Debug view's selection if it is a stopped Pearl board, else null. UI thread only. */
    private static DapDebugTarget selectedStoppedBoard() {
        IAdaptable context = DebugUITools.getDebugContext();
        Object target = null;
        if (context instanceof IDebugElement element) {
            target = element.getDebugTarget();
        } else if (context instanceof ILaunch launch) {
            target = launch.getDebugTarget();
        }
        return target instanceof DapDebugTarget board && board.canResume() ? board : null;
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            if (event.getKind() == DebugEvent.SUSPEND || event.getKind() == DebugEvent.RESUME || event.getKind() == DebugEvent.TERMINATE) {
                refresh();
                return;
            }
        }
    }

    @Override
    public void debugContextChanged(DebugContextEvent event) {
        refresh();
    }

    private void refresh() {
        Display display = Display.getDefault();
        display.asyncExec(() -> setBaseEnabled(selectedStoppedBoard() != null));
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
        DebugUITools.getDebugContextManager().removeDebugContextListener(this);
        super.dispose();
    }
}
