package pearl.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

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
