package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

/** The Preferences and Properties dialogs, opened and used as a person would, without blocking the test. */
final class SettingsDialogs {

	private SettingsDialogs() {
	}

	/** Window &gt; Preferences, on page {@code pageId}. */
	static PreferenceDialog preferences(String pageId) {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(workbenchShell(), pageId, new String[] { pageId }, null);
		return opened(dialog);
	}

	/** The project's Properties, on page {@code pageId}. */
	static PreferenceDialog properties(IProject project, String pageId) {
		PreferenceDialog dialog = PreferencesUtil.createPropertyDialogOn(workbenchShell(), project, pageId, new String[] { pageId }, null);
		return opened(dialog);
	}

	private static Shell workbenchShell() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
	}

	private static PreferenceDialog opened(PreferenceDialog dialog) {
		assertNotNull(dialog, "the page is not registered");
		dialog.setBlockOnOpen(false);
		dialog.open();
		Workbenches.flushEvents(dialog.getShell().getDisplay());
		return dialog;
	}

	/** Every control of type {@code type} in the dialog that {@code test} accepts. */
	static <T extends Control> List<T> find(PreferenceDialog dialog, Class<T> type, Predicate<T> test) {
		List<T> found = new ArrayList<>();
		collect(dialog.getShell(), type, test, found);
		return found;
	}

	private static <T extends Control> void collect(Control control, Class<T> type, Predicate<T> test, List<T> found) {
		if (type.isInstance(control) && test.test(type.cast(control))) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, test, found);
			}
		}
	}

	/** Ticks or clears a check box as a click would, telling its listeners. */
	static void check(Button box, boolean checked) {
		box.setSelection(checked);
		box.notifyListeners(SWT.Selection, new Event());
	}

	/** Presses the dialog's default button, Apply and Close. */
	static void applyAndClose(PreferenceDialog dialog) {
		Button ok = dialog.getShell().getDefaultButton();
		assertNotNull(ok, "the dialog has no default button");
		Display display = ok.getDisplay();
		ok.notifyListeners(SWT.Selection, new Event());
		Workbenches.flushEvents(display);
	}
}
