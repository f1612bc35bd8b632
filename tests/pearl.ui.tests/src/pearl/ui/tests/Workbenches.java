package pearl.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;

/** What the workbench tests share: letting the UI settle, and screenshots for a person to look at. */
final class Workbenches {

	private Workbenches() {
	}

	/** Runs the UI for half a second: long enough for a repaint, a reconcile is longer. */
	static void flushEvents(Display display) {
		flushEvents(display, 500);
	}

	/** Runs the UI's event loop for {@code millis}. */
	static void flushEvents(Display display, long millis) {
		long until = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < until) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
			}
		}
	}

	/**
	 * Types {@code text} into {@code widget} key by key, as the keyboard delivers keys to it
	 * (key listeners, verify-key listeners such as content assist's auto-activation, and
	 * auto-edit strategies all see each key). Sent to the widget itself: under Xvfb without a
	 * window manager no window holds the keyboard focus.
	 */
	static void type(StyledText widget, String text) {
		for (char c : text.toCharArray()) {
			press(widget, c == '\n' ? SWT.CR : c);
			flushEvents(widget.getDisplay(), 30);
		}
	}

	/** Presses and releases one key on {@code widget}: a character, or a key code such as {@link SWT#ARROW_DOWN}. */
	static void press(StyledText widget, int key) {
		Event down = new Event();
		if (key == SWT.CR || key == SWT.ESC || key == SWT.TAB || key < 0x10000) {
			down.character = (char) key;
			down.keyCode = key == SWT.CR ? SWT.CR : Character.toLowerCase((char) key);
		} else {
			down.keyCode = key;
		}
		widget.notifyListeners(SWT.KeyDown, down);
		Event up = new Event();
		up.character = down.character;
		up.keyCode = down.keyCode;
		widget.notifyListeners(SWT.KeyUp, up);
		flushEvents(widget.getDisplay(), 100);
	}

	/** Rests the mouse over {@code x}, {@code y} of {@code widget} until the widget's hover fires. */
	static void hover(Control widget, int x, int y) {
		Point onScreen = widget.toDisplay(x, y);
		Event move = new Event();
		move.type = SWT.MouseMove;
		move.x = onScreen.x;
		move.y = onScreen.y;
		widget.getDisplay().post(move);
		flushEvents(widget.getDisplay(), 100);
		Event rest = new Event();
		rest.x = x;
		rest.y = y;
		widget.notifyListeners(SWT.MouseHover, rest);
	}

	/** Runs the UI until {@code found} gives something or 10 s have passed; what it gave last (null if nothing). */
	static <T> T await(Display display, Supplier<T> found) {
		long until = System.currentTimeMillis() + 10_000;
		T value = found.get();
		while (value == null && System.currentTimeMillis() < until) {
			flushEvents(display, 100);
			value = found.get();
		}
		return value;
	}

	/** The texts of the editor's annotations, once {@code expected} holds or 10 s have passed. */
	static List<String> annotationsOnceSettled(IEditorPart editor, Predicate<List<String>> expected) {
		return annotationsOnceSettled(editor, Annotation::getText, expected);
	}

	/** The editor's annotations as {@code describe} puts them, once {@code expected} holds or 10 s have passed. */
	static List<String> annotationsOnceSettled(IEditorPart editor, Function<Annotation, String> describe, Predicate<List<String>> expected) {
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		List<List<String>> seen = new ArrayList<>(List.of(List.of()));
		await(viewer.getTextWidget().getDisplay(), () -> {
			List<String> now = new ArrayList<>();
			viewer.getAnnotationModel().getAnnotationIterator().forEachRemaining(a -> now.add(describe.apply(a)));
			seen.set(0, now);
			return expected.test(now) ? now : null;
		});
		return seen.get(0);
	}

	/** Lets the auto-build that a change started run to its end, keeping the UI alive meanwhile. */
	static void waitForBuild(Display display) {
		flushEvents(display);
		long until = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < until && (isBuilding(ResourcesPlugin.FAMILY_AUTO_BUILD) || isBuilding(ResourcesPlugin.FAMILY_MANUAL_BUILD))) {
			flushEvents(display);
		}
		flushEvents(display);
	}

	private static boolean isBuilding(Object family) {
		return Job.getJobManager().find(family).length > 0;
	}

	/** The markers' messages and lines, for a failure message. */
	static String describe(IMarker[] markers) {
		StringBuilder text = new StringBuilder();
		for (IMarker marker : markers) {
			text.append(marker.getResource().getName()).append(':').append(marker.getAttribute(IMarker.LINE_NUMBER, -1)).append(": ")
					.append(marker.getAttribute(IMarker.MESSAGE, "")).append('\n');
		}
		return text.toString();
	}

	/**
	 * Opens every branch of the table-like tree whose first column is {@code firstColumn} (the
	 * Problems view's is "Description"), as a user clicking each arrow does: the viewer fills them in.
	 */
	static void expandTable(Composite root, String firstColumn) {
		for (Control child : root.getChildren()) {
			if (child instanceof Tree tree && tree.getColumnCount() > 0 && tree.getColumn(0).getText().equals(firstColumn)) {
				for (TreeItem item : tree.getItems()) {
					Event expand = new Event();
					expand.item = item;
					tree.notifyListeners(SWT.Expand, expand);
					item.setExpanded(true);
				}
			} else if (child instanceof Composite inner) {
				expandTable(inner, firstColumn);
			}
		}
	}

	/** Writes what the screen shows to target/screenshots, for a person to look at. */
	static void screenshot(Display display, String name) throws IOException {
		String folder = System.getProperty("pearl.screenshots");
		if (folder == null) {
			return;
		}
		Path dir = Files.createDirectories(Path.of(folder));
		Rectangle area = display.getBounds();
		Image image = new Image(display, area.width, area.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
		image.dispose();
	}
}
