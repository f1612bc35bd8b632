package pearl.lua.ui.project;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/** The Problems view's quick fixes for Pearl's problem markers: the language services' fixes of the finding. */
public final class LintMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return MarkerFixes.mayHaveFixes(marker);
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		try {
			return MarkerFixes.of(marker).stream().map(fix -> new LintFixResolution(fix.title(), fix.preferred()))
					.toArray(IMarkerResolution[]::new);
		} catch (CoreException e) {
			ILog.of(getClass()).log(e.getStatus());
			return new IMarkerResolution[0];
		}
	}
}
