package pearl.lua.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.lint.LintIssue;

/**
 * Diagnostics for a Lua file as the language server publishes them: exactly what
 * {@code pearl lint} reports for the file in its project (syntax errors first, then the lint
 * rules with the project's {@code .luacheckrc}), each with its lint code. A broken
 * {@code .luacheckrc} is reported on the file rather than silently ignored.
 */
public class LuaLintValidator implements IResourceValidator {

	@Inject
	private LuaWorkspaceFiles files;

	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) throws OperationCanceledError {
		if (!(resource instanceof XtextResource lua)) {
			return List.of();
		}
		LuaDocument document = files.document(lua);
		List<Issue> issues = new ArrayList<>();
		for (LintIssue found : lint(lua)) {
			if (cancel != null && cancel.isCanceled()) {
				throw new OperationCanceledError(new RuntimeException("validation cancelled"));
			}
			issues.add(issue(document, found.line(), found.column(), found.endLine(), found.endColumn(), severity(found.severity()),
					found.code(), found.message()));
		}
		return issues;
	}

	/** What {@code pearl lint} finds in the file as it is now, as one file of its project. */
	public List<LintIssue> lint(XtextResource resource) {
		LuaDocument document = files.document(resource);
		return files.linter().lint(document, files.project(resource).globalsSetOutside(document.fileName()));
	}

	private static Issue issue(LuaDocument document, int line, int column, int endLine, int endColumn, Severity severity, String code,
			String message) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		int offset = document.lines().offset(line, column);
		issue.setOffset(offset);
		issue.setLength(Math.max(0, document.lines().offset(endLine, endColumn) - offset));
		issue.setLineNumber(line);
		issue.setColumn(column);
		issue.setLineNumberEnd(endLine);
		issue.setColumnEnd(endColumn);
		issue.setSeverity(severity);
		issue.setCode(code);
		issue.setMessage(message);
		issue.setType(CheckType.FAST);
		issue.setSyntaxError(LintIssue.SYNTAX.equals(code));
		return issue;
	}

	private static Severity severity(pearl.lua.lint.Severity severity) {
		return switch (severity) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		case INFO -> Severity.INFO;
		};
	}
}
