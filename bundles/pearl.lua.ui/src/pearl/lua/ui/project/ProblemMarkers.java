package pearl.lua.ui.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.LintIssue;

/**
 * The Problems view's markers for lint findings, of type {@value #TYPE}: the message as the
 * editor's annotation reads, the line and character range of the finding, and the lint code in
 * {@value #LINT_CODE} so quick fixes can find the finding again.
 */
public final class ProblemMarkers {

	/** The marker type in {@code plugin.xml}: a persistent problem and text marker. */
	public static final String TYPE = "pearl.lua.ui.problem";

	/** The attribute holding the finding's lint code, e.g. {@code global-write}. */
	public static final String LINT_CODE = "lintCode";

	/** The code of the marker saying a file could not be linted at all. */
	static final String UNLINTABLE = "unlintable";

	private ProblemMarkers() {
	}

	/** The text of a finding, as the editor's annotation and the Problems view show it. */
	public static String text(LintIssue issue) {
		return issue.message() + " [" + issue.code() + "]";
	}

	/** Replaces {@code file}'s markers with one per finding in {@code document}, the text that was linted. */
	static void replace(IFile file, LuaDocument document, List<LintIssue> issues) throws CoreException {
		file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
		for (LintIssue issue : issues) {
			TextRange range = document.rangeOf(issue);
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(IMarker.SEVERITY, switch (issue.severity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			case INFO -> IMarker.SEVERITY_INFO;
			});
			attributes.put(IMarker.MESSAGE, text(issue));
			attributes.put(IMarker.LINE_NUMBER, issue.line());
			attributes.put(IMarker.CHAR_START, range.offset());
			attributes.put(IMarker.CHAR_END, range.end());
			attributes.put(LINT_CODE, issue.code());
			attributes.put(IMarker.SOURCE_ID, "Pearl");
			file.createMarker(TYPE).setAttributes(attributes);
		}
	}

	/** Replaces {@code file}'s markers with one error on its first line saying why it could not be linted. */
	static void unlintable(IFile file, String why) throws CoreException {
		file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
		IMarker marker = file.createMarker(TYPE);
		marker.setAttributes(new String[] { IMarker.SEVERITY, IMarker.MESSAGE, IMarker.LINE_NUMBER, LINT_CODE },
				new Object[] { IMarker.SEVERITY_ERROR, "Pearl could not lint " + file.getName() + ": " + why + " [" + UNLINTABLE + "]", 1,
						UNLINTABLE });
	}
}
