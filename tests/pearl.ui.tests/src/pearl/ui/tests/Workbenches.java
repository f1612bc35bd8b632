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
import org.eclipse.swt.widgets.Display;

/** What the workbench tests share: letting the UI settle, and screenshots for a person to look at. */
final class Workbenches {

	private Workbenches() {
	}

	static void flushEvents(Display display) {
		long until = System.currentTimeMillis() + 500;
		while (System.currentTimeMillis() < until) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
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
