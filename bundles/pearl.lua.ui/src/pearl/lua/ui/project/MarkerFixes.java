package pearl.lua.ui.project;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;

import pearl.lua.ide.fixes.LuaQuickFixes;
import pearl.lua.ide.fixes.QuickFix;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.lint.LintIssue;
import pearl.lua.ui.LuaServices;

/**
 * The quick fixes of the finding a {@link ProblemMarkers problem marker} stands for. The file is
 * linted again as the user sees it now (an open editor's text, else the saved one) and the
 * finding of the marker's code found at its position, so a fix never edits text it was not
 * computed for.
 */
final class MarkerFixes {

	private static final LuaQuickFixes FIXES = new LuaQuickFixes();

	private MarkerFixes() {
	}

	/** Whether the marker is a lint finding that may have fixes. */
	static boolean mayHaveFixes(IMarker marker) {
		String code = marker.getAttribute(ProblemMarkers.LINT_CODE, null);
		return code != null && !code.equals(LintIssue.SYNTAX) && !code.equals(ProblemMarkers.UNLINTABLE)
				&& marker.getResource() instanceof IFile file && file.getLocation() != null;
	}

	/** The fixes, most useful first; none when the finding is gone from the current text. */
	static List<QuickFix> of(IMarker marker) throws CoreException {
		if (!mayHaveFixes(marker)) {
			return List.of();
		}
		IFile file = (IFile) marker.getResource();
		LuaServices services = LuaServices.get();
		LuaDocument document = services.parse(file.getLocation().toOSString(), currentText(file));
		LuaProject project = services.folder(file.getProject().getLocation().toFile().toPath()).project(List.of(document));
		return finding(marker, document, services.lint(document, project)).map(issue -> FIXES.fixes(document, project, issue))
				.orElse(List.of());
	}

	/** The finding of the marker's code at its start, or failing that on its line. */
	private static Optional<LintIssue> finding(IMarker marker, LuaDocument document, List<LintIssue> issues) {
		String code = marker.getAttribute(ProblemMarkers.LINT_CODE, "");
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
		List<LintIssue> sameCode = issues.stream().filter(issue -> issue.code().equals(code)).toList();
		return sameCode.stream().filter(issue -> document.lines().offset(issue.line(), issue.column()) == start).findFirst()
				.or(() -> sameCode.stream().filter(issue -> issue.line() == line).min(Comparator.comparingInt(LintIssue::column)));
	}

	/** The file's text in its buffer: what an open editor shows, else what is on disk. */
	private static String currentText(IFile file) throws CoreException {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		buffers.connect(path, LocationKind.IFILE, null);
		try {
			return buffers.getTextFileBuffer(path, LocationKind.IFILE).getDocument().get();
		} finally {
			buffers.disconnect(path, LocationKind.IFILE, null);
		}
	}
}
