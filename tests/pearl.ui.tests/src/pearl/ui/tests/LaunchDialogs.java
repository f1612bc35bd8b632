package pearl.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;

/** The launch configuration dialog as a user works it, and the consoles launches open. */
final class LaunchDialogs {

	/** What a test does inside the open dialog. */
	interface InDialog {
		void run(Shell shell, ILaunchConfigurationDialog dialog) throws Exception;
	}

	private LaunchDialogs() {
	}

	/**
	 * Opens the launch configuration dialog of the Run group on {@code configuration}, runs
	 * {@code checks} inside it (the dialog is modal: they run in its event loop), closes it, and
	 * rethrows what the checks threw.
	 */
	static void inDialog(ILaunchConfiguration configuration, InDialog checks) throws Exception {
		Display display = Display.getCurrent();
		Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		Throwable[] failure = { null };
		boolean[] ran = { false };
		display.asyncExec(() -> {
			Shell shell = Workbenches.await(display, () -> dialogShell(display, workbench));
			try {
				if (shell == null) {
					throw new AssertionError("the launch configuration dialog did not open");
				}
				Workbenches.flushEvents(display);
				checks.run(shell, (ILaunchConfigurationDialog) shell.getData());
				ran[0] = true;
			} catch (Throwable t) {
				failure[0] = t;
			} finally {
				if (shell != null && !shell.isDisposed()) {
					((Window) shell.getData()).close();
				}
			}
		});
		DebugUITools.openLaunchConfigurationDialogOnGroup(workbench, new StructuredSelection(configuration),
				IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
		if (failure[0] instanceof Exception e) {
			throw e;
		}
		if (failure[0] instanceof Error e) {
			throw e;
		}
		if (!ran[0]) {
			throw new AssertionError("the checks did not run");
		}
	}

	private static Shell dialogShell(Display display, Shell workbench) {
		for (Shell shell : display.getShells()) {
			if (shell != workbench && shell.isVisible() && shell.getData() instanceof ILaunchConfigurationDialog) {
				return shell;
			}
		}
		return null;
	}

	/** The tab of {@code dialog} of class {@code type}. */
	static <T extends ILaunchConfigurationTab> T tab(ILaunchConfigurationDialog dialog, Class<T> type) {
		for (ILaunchConfigurationTab tab : dialog.getTabs()) {
			if (type.isInstance(tab)) {
				return type.cast(tab);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in the dialog");
	}

	/** The control right after the label {@code label} (mnemonics ignored) under {@code root}. */
	static <T extends Control> T field(Composite root, String label, Class<T> type) {
		List<Control> all = new ArrayList<>();
		collect(root, all);
		for (int i = 0; i < all.size() - 1; i++) {
			if (all.get(i) instanceof Label l && l.getText().replace("&", "").equals(label) && type.isInstance(all.get(i + 1))) {
				return type.cast(all.get(i + 1));
			}
		}
		throw new AssertionError("no field labelled " + label);
	}

	/** The button (push, check or radio) whose text is {@code text}, mnemonics ignored. */
	static Button button(Composite root, String text) {
		List<Control> all = new ArrayList<>();
		collect(root, all);
		for (Control c : all) {
			if (c instanceof Button b && b.getText().replace("&", "").equals(text)) {
				return b;
			}
		}
		throw new AssertionError("no button " + text);
	}

	/** Clicks {@code button} as the mouse does: a check box or radio button changes, then listeners hear. */
	static void click(Button button) {
		if ((button.getStyle() & SWT.CHECK) != 0) {
			button.setSelection(!button.getSelection());
		} else if ((button.getStyle() & SWT.RADIO) != 0) {
			for (Control sibling : button.getParent().getChildren()) {
				if (sibling instanceof Button b && (b.getStyle() & SWT.RADIO) != 0) {
					b.setSelection(b == button);
				}
			}
		}
		button.notifyListeners(SWT.Selection, new Event());
		Workbenches.flushEvents(button.getDisplay(), 100);
	}

	private static void collect(Control control, List<Control> into) {
		into.add(control);
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, into);
			}
		}
	}

	/** Moves the pointer off the workbench, so no tooltip covers a screenshot. */
	static void pointerAway(Display display) {
		Event move = new Event();
		move.type = SWT.MouseMove;
		move.x = display.getBounds().width - 1;
		move.y = display.getBounds().height - 1;
		display.post(move);
		Workbenches.flushEvents(display);
	}

	/** The console whose text satisfies {@code shows}, once there is one (null after 10 s). */
	static TextConsole console(Display display, Predicate<String> shows) {
		return Workbenches.await(display, () -> {
			for (IConsole console : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
				if (console instanceof TextConsole text) {
					IDocument document = text.getDocument();
					if (shows.test(document.get())) {
						return text;
					}
				}
			}
			return null;
		});
	}
}
