package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

/** The Pearl product starts as a workbench a person sees: branded window, icon, about text. */
class PearlWorkbenchTest {

	private static Shell workbenchShell() {
		IWorkbenchWindow[] windows = PlatformUI.getWorkbench().getWorkbenchWindows();
		assertTrue(windows.length > 0, "no workbench window is open");
		return windows[0].getShell();
	}

	@Test
	void thePearlProductIsRunning() {
		IProduct product = Platform.getProduct();
		assertNotNull(product, "no product: the IDE started without its branding");
		assertEquals("pearl.ui.ide", product.getId());
		assertEquals("Pearl", product.getName());
		assertEquals("pearl.ui", product.getDefiningBundle().getSymbolicName());
	}

	@Test
	void theWorkbenchWindowIsUpAndTitledPearl() throws IOException {
		Shell shell = workbenchShell();
		Workbenches.flushEvents(shell.getDisplay());
		assertTrue(shell.isVisible(), "workbench window not visible");
		assertTrue(shell.getText().endsWith("Pearl"), "window title: " + shell.getText());
		Rectangle bounds = shell.getBounds();
		assertTrue(bounds.width > 400 && bounds.height > 300, "window too small to use: " + bounds);
		Workbenches.screenshot(shell.getDisplay(), "workbench.png");
	}

	@Test
	void theProblemsViewIsInTheDefaultLayout() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		assertNotNull(page.findViewReference(IPageLayout.ID_PROBLEM_VIEW), "the builder's findings have no view in sight");
	}

	@Test
	void theWindowCarriesThePearlIcon() {
		Image[] icons = workbenchShell().getImages();
		assertTrue(icons.length >= 3, "window icons: " + icons.length);
		ImageData small = icons[0].getImageData();
		assertEquals(16, small.width);
		// the pearl is light: its centre pixel is bright, not a default icon's colour
		int red = small.palette.getRGB(small.getPixel(8, 8)).red;
		assertTrue(small.getAlpha(8, 8) > 200 && red > 150, "centre of the 16px icon is not the pearl");
	}

	@Test
	void aboutTextNamesNodeMcu() {
		String about = Platform.getProduct().getProperty("aboutText");
		assertNotNull(about);
		assertTrue(about.startsWith("Pearl"), about);
		assertTrue(about.contains("NodeMCU"), about);
	}

	@Test
	void helpAboutShowsPearl() throws Exception {
		Display display = Display.getCurrent();
		Shell workbench = workbenchShell();
		String[] seen = new String[2];
		// The About dialog is modal: look at it and close it from inside its own event loop, once
		// it is the active shell.
		Runnable inspectAbout = new Runnable() {
			private int tries;

			@Override
			public void run() {
				Shell about = display.getActiveShell();
				if (about == null || about == workbench) {
					if (++tries < 200) {
						display.timerExec(100, this);
					}
					return;
				}
				seen[0] = about.getText();
				seen[1] = allText(about);
				try {
					Workbenches.screenshot(display, "about.png");
				} catch (IOException e) {
					seen[1] = "screenshot failed: " + e;
				}
				about.close();
			}
		};
		display.timerExec(100, inspectAbout);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.aboutAction", null);
		assertEquals("About Pearl", seen[0]);
		assertTrue(seen[1] != null && seen[1].contains("NodeMCU"), "About dialog text: " + seen[1]);
	}

	/** The text of every text-bearing widget under {@code composite}. */
	private static String allText(Composite composite) {
		StringBuilder text = new StringBuilder();
		for (Control child : composite.getChildren()) {
			if (child instanceof StyledText styled) {
				text.append(styled.getText()).append('\n');
			} else if (child instanceof Label label) {
				text.append(label.getText()).append('\n');
			} else if (child instanceof Text plain) {
				text.append(plain.getText()).append('\n');
			}
			if (child instanceof Composite inner) {
				text.append(allText(inner));
			}
		}
		return text.toString();
	}
}
