package pearl.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Iterator;
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
	/** The editor's pause after typing before it lints (LuaSourceViewerConfiguration). */
	private static final int RECONCILE_DELAY_MS = 200;

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
		// the last line is commented out; deleting one '-' makes it a syntax error, typing it back mends it
		widget.replaceTextRange(widget.getCharCount(), 0, "--" + BROKEN);
		int lineStart = widget.getCharCount() - BROKEN.length() - 2;
		waitFor(display, () -> errors(viewer) == 0);
		List<Double> keystrokes = new ArrayList<>();
		int missed = 0;
		for (int i = 0; i < KEYSTROKES; i++) {
			boolean breaking = i % 2 == 0;
			int before = errors(viewer);
			widget.setCaretOffset(lineStart);
			long start = System.nanoTime();
			key(widget, breaking ? SWT.DEL : '-');
			if (waitFor(display, () -> errors(viewer) != before)) {
				keystrokes.add(millisSince(start));
			} else {
				missed++;
			}
			Workbenches.flushEvents(display, 300); // let the editor settle before the next keystroke
		}
		LuaFiles.close(editor);
		System.out.printf("open 2,000-line file: shown median %.0f ms, first diagnostics median %.0f ms (%d opens)%n", median(shown),
				median(diagnosed), OPENS);
		System.out.printf("keystroke to annotation (reconcile delay %d ms included): median %.0f ms, 90th percentile %.0f ms (%d keystrokes, %d without an annotation change in 10 s)%n",
				RECONCILE_DELAY_MS, median(keystrokes), percentile(keystrokes, 0.9), keystrokes.size(), missed);
	}

	/** One key, straight to the widget, as the keyboard delivers it. */
	private static void key(StyledText widget, int character) {
		Event down = new Event();
		down.character = (char) character;
		down.keyCode = character;
		widget.notifyListeners(SWT.KeyDown, down);
		widget.notifyListeners(SWT.KeyUp, down);
	}

	/** How many error annotations the editor shows. */
	private static int errors(ISourceViewer viewer) {
		int errors = 0;
		for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
			if (it.next().getType().endsWith(".error")) {
				errors++;
			}
		}
		return errors;
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
