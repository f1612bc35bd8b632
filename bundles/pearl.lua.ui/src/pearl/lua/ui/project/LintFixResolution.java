package pearl.lua.ui.project;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import pearl.lua.ide.fixes.QuickFix;

/**
 * One quick fix of a marker, known by its title. Running it asks for the marker's fixes again,
 * from the text as it is then, and applies the one of the same title with {@link FileEditApplier}.
 */
final class LintFixResolution implements IMarkerResolution2 {

	private final String title;
	private final boolean preferred;

	LintFixResolution(String title, boolean preferred) {
		this.title = title;
		this.preferred = preferred;
	}

	@Override
	public String getLabel() {
		return title;
	}

	@Override
	public String getDescription() {
		return preferred ? title + " (the usual fix)" : title;
	}

	@Override
	public Image getImage() {
		return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FILE);
	}

	@Override
	public void run(IMarker marker) {
		try {
			for (QuickFix fix : MarkerFixes.of(marker)) {
				if (fix.title().equals(title)) {
					FileEditApplier.apply(fix);
					return;
				}
			}
			ILog.of(getClass()).warn("'" + title + "' no longer applies to " + marker.getResource().getFullPath());
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
		}
	}
}
