package pearl.ui.debug;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;

import pearl.launch.breakpoints.LuaLineBreakpoint;

/**
 * A Lua line breakpoint's properties: on or off, the Lua condition that must hold for it to stop,
 * and the hit count. The debug adapter reads both; a running board gets them at once.
 */
public final class LuaBreakpointPropertyPage extends PropertyPage {

    /** The page's id in plugin.xml. */
    public static final String ID = "pearl.ui.debug.luaBreakpointPage";

    private Button enabled;
    private Text condition;
    private Text hitCondition;

    /** The breakpoint the page edits. */
    private LuaLineBreakpoint breakpoint() {
        return Adapters.adapt(getElement(), LuaLineBreakpoint.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        noDefaultAndApplyButton();
        LuaLineBreakpoint breakpoint = breakpoint();
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);

        Label where = new Label(page, SWT.NONE);
        where.setText(breakpoint.getMarker().getResource().getName() + ", line " + breakpoint.getMarker().getAttribute(IMarker.LINE_NUMBER, -1));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(where);

        enabled = new Button(page, SWT.CHECK);
        enabled.setText("&Enabled");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(enabled);

        new Label(page, SWT.NONE).setText("&Condition:");
        condition = new Text(page, SWT.BORDER | SWT.SINGLE);
        condition.setMessage("a Lua expression; stops only when it is true");
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(condition);

        new Label(page, SWT.NONE).setText("&Hit count:");
        hitCondition = new Text(page, SWT.BORDER | SWT.SINGLE);
        hitCondition.setMessage("5 (the 5th time), >=5 (from the 5th), %5 (every 5th)");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(hitCondition);

        try {
            enabled.setSelection(breakpoint.isEnabled());
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        condition.setText(orEmpty(breakpoint.getCondition()));
        hitCondition.setText(orEmpty(breakpoint.getHitCondition()));
        if (breakpoint.getProblem() != null) {
            setMessage("Not set on the board: " + breakpoint.getProblem(), IMessageProvider.WARNING);
        }
        return page;
    }

    @Override
    public boolean performOk() {
        LuaLineBreakpoint breakpoint = breakpoint();
        try {
            breakpoint.setCondition(condition.getText().trim());
            breakpoint.setHitCondition(hitCondition.getText().trim());
            breakpoint.setEnabled(enabled.getSelection());
            return true;
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
