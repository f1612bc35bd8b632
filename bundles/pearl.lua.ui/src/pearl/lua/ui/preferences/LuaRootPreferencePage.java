package pearl.lua.ui.preferences;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Lua: the root of Pearl's preference pages, which only points to the pages below it. */
public final class LuaRootPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** The id of the page in the preferences. */
	public static final String ID = "pearl.lua.ui.preferences";

	/** The page, made by the workbench. */
	public LuaRootPreferencePage() {
		noDefaultAndApplyButton();
	}

	@Override
	public void init(IWorkbench workbench) {
		// nothing to set up
	}

	@Override
	protected Control createContents(Composite parent) {
		Label text = new Label(parent, SWT.WRAP);
		text.setText("Settings for NodeMCU Lua: the severities of the lint rules, the firmware of the board, and the "
				+ "templates for NodeMCU idioms. Lint and board settings can also be set per project, in the project's "
				+ "properties.");
		return text;
	}
}
