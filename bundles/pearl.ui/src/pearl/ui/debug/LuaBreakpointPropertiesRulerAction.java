package pearl.ui.debug;

import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.actions.RulerBreakpointAction;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.source.IVerticalRulerInfo;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.texteditor.AbstractRulerActionDelegate;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.IUpdate;

import pearl.launch.breakpoints.LuaLineBreakpoint;

/** The ruler's "Breakpoint Properties...": the properties dialog of the breakpoint on the clicked line. */
public final class LuaBreakpointPropertiesRulerAction extends AbstractRulerActionDelegate {

    @Override
    protected IAction createAction(ITextEditor editor, IVerticalRulerInfo rulerInfo) {
        return new OnLine(editor, rulerInfo);
    }

    private static final class OnLine extends RulerBreakpointAction implements IUpdate {

        OnLine(ITextEditor editor, IVerticalRulerInfo rulerInfo) {
            super(editor, rulerInfo);
            setText("Breakpoint &Properties...");
        }

        @Override
        public void update() {
            setEnabled(getBreakpoint() instanceof LuaLineBreakpoint);
        }

        @Override
        public void run() {
            IBreakpoint breakpoint = getBreakpoint();
            if (breakpoint instanceof LuaLineBreakpoint) {
                PreferencesUtil.createPropertyDialogOn(getEditor().getSite().getShell(), breakpoint, LuaBreakpointPropertyPage.ID, null, null)
                        .open();
            }
        }
    }
}
