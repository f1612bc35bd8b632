package pearl.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.LuaEditor;

/**
 * The Lua editor's speed in figures, not a test (its name keeps it out of the test run):
 * {@code releng/scripts/bench-editor.sh} runs it on a 2,000-line file in the real workbench and
 * prints the time to open the file (until it is shown, and until its first diagnostics) and the
 * time from a keystroke to the annotation it brings, reconcile delay included.
 */
class EditorBenchmark {

	private static final int OPENS = 5;
	private static final int KEYSTROKES = 30;
	private static final String BROKEN = "mended_by_bench = 1\n";

	@Test
	void measure() throws Exception {
		Path source = Path.of(System.getProperty("pearl.bench.file"));
		String text = Files.readString(source);
		Display display = Display.getCurrent();
		List<Double> shown = new ArrayList<>();
		List<Double> diagnosed = new ArrayList<>();
		IEditorPart editor = null;
		for (int i = 0; i < OPENS; i++) {
			String name = "bench" + i + ".lua";
			var file = LuaFiles.file("bench", name, text);
			long start = System.nanoTime();
			editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
			StyledText widget = (StyledText) editor.getAdapter(org.eclipse.swt.widgets.Control.class);
			widget.redraw();
			widget.update();
			shown.add(millisSince(start));
			LuaEditor lua = (LuaEditor) editor;
			waitFor(display, () -> lua.analysis() != null);
			diagnosed.add(millisSince(start));
			if (i < OPENS - 1) {
				LuaFiles.close(editor);
			}
		}
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		StyledText widget = viewer.getTextWidget();
		// a last line of code; one '-' typed before it is a syntax error, a second makes the line a comment
		widget.replaceTextRange(widget.getCharCount(), 0, BROKEN);
		int lineStart = widget.getCharCount() - BROKEN.length();
		AtomicLong updated = new AtomicLong();
		viewer.getAnnotationModel().addAnnotationModelListener(model -> updated.set(System.nanoTime()));
		List<Double> keystrokes = new ArrayList<>();
		int missed = 0;
		for (int i = 0; i < KEYSTROKES / 2; i++) {
			waitFor(display, () -> !syntaxError(viewer));
			Workbenches.flushEvents(display, 300); // the editor settles, as between a user's keystrokes
			for (boolean breaking : new boolean[] { true, false }) {
				widget.setCaretOffset(lineStart);
				long start = System.nanoTime();
				key(widget, '-');
				// the reconciler replaces the annotations in one step: the first update after the key is the one
				if (waitFor(display, () -> updated.get() > start && syntaxError(viewer) == breaking)) {
					keystrokes.add((updated.get() - start) / 1e6);
				} else {
					missed++;
				}
				Workbenches.flushEvents(display, 300);
			}
			widget.replaceTextRange(lineStart, 2, ""); // back to code, not measured (the editor's Delete is a workbench command)
		}
		LuaFiles.close(editor);
		System.out.printf("open 2,000-line file: shown median %.0f ms, first diagnostics median %.0f ms (%d opens)%n", median(shown),
				median(diagnosed), OPENS);
		System.out.printf("keystroke to annotation (reconcile delay %d ms included): median %.0f ms, 90th percentile %.0f ms (%d keystrokes, %d without an annotation change in 10 s)%n",
				LuaEditor.RECONCILE_DELAY_MS, median(keystrokes), percentile(keystrokes, 0.9), keystrokes.size(), missed);
	}

	/** One key, straight to the widget, as the keyboard delivers it. */
	private static void key(StyledText widget, int character) {
		Event down = new Event();
		down.character = (char) character;
		down.keyCode = character;
		widget.notifyListeners(SWT.KeyDown, down);
		widget.notifyListeners(SWT.KeyUp, down);
	}

	/** Whether the editor shows a syntax error. */
	private static boolean syntaxError(ISourceViewer viewer) {
		for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
			String text = it.next().getText();
			if (text != null && text.endsWith("[syntax]")) {
				return true;
			}
		}
		return false;
	}

	/** Runs the UI until {@code done} or 10 s have passed; whether it is done. */
	private static boolean waitFor(Display display, BooleanSupplier done) {
		long until = System.currentTimeMillis() + 10_000;
		while (!done.getAsBoolean() && System.currentTimeMillis() < until) {
			if (!display.readAndDispatch()) {
				display.timerExec(1, () -> { });
				display.sleep();
			}
		}
		return done.getAsBoolean();
	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(List<Double> values) {
		return percentile(values, 0.5);
	}

	private static double percentile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction)));
	}
}
