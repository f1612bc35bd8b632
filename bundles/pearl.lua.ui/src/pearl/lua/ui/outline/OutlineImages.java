package pearl.lua.ui.outline;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import pearl.lua.ide.outline.OutlineSymbol;

/**
 * The outline's icons, one per kind of entry: a coloured disc with the kind's letter, drawn once
 * per workbench (no image files to keep in step with the kinds).
 */
final class OutlineImages {

	private OutlineImages() {
	}

	/** The icon of {@code kind}. */
	static Image of(OutlineSymbol.Kind kind) {
		ImageRegistry registry = JFaceResources.getImageRegistry();
		String key = "pearl.lua.ui.outline." + kind;
		Image image = registry.get(key);
		if (image == null) {
			registry.put(key, ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? draw(kind) : null));
			image = registry.get(key);
		}
		return image;
	}

	private static ImageData draw(OutlineSymbol.Kind kind) {
		Display display = Display.getCurrent();
		RGB colour = switch (kind) {
		case FUNCTION -> new RGB(46, 139, 87);
		case METHOD -> new RGB(30, 110, 170);
		case LOCAL -> new RGB(120, 120, 120);
		case GLOBAL -> new RGB(205, 92, 0);
		case MODULE -> new RGB(128, 60, 160);
		case FIELD -> new RGB(0, 128, 128);
		};
		String letter = switch (kind) {
		case FUNCTION -> "f";
		case METHOD -> "m";
		case LOCAL -> "l";
		case GLOBAL -> "g";
		case MODULE -> "M";
		case FIELD -> "•";
		};
		// drawn on a key colour that becomes transparent
		RGB key = new RGB(255, 0, 255);
		Image canvas = new Image(display, new ImageData(16, 16, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF)));
		GC gc = new GC(canvas);
		org.eclipse.swt.graphics.Color background = new org.eclipse.swt.graphics.Color(key);
		org.eclipse.swt.graphics.Color fill = new org.eclipse.swt.graphics.Color(colour);
		try {
			gc.setBackground(background);
			gc.fillRectangle(0, 0, 16, 16);
			gc.setAntialias(SWT.OFF); // a smoothed edge would blend with the key colour
			gc.setBackground(fill);
			gc.fillOval(1, 1, 14, 14);
			gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
			gc.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
			org.eclipse.swt.graphics.Point size = gc.textExtent(letter);
			gc.drawText(letter, (16 - size.x) / 2, (16 - size.y) / 2, true);
		} finally {
			gc.dispose();
			background.dispose();
			fill.dispose();
		}
		ImageData data = canvas.getImageData();
		canvas.dispose();
		data.transparentPixel = data.palette.getPixel(key);
		return data;
	}
}
