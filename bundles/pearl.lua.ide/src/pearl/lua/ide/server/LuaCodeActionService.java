package pearl.lua.ide.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

import pearl.lua.ide.fixes.FileEdits;
import pearl.lua.ide.fixes.LuaQuickFixes;
import pearl.lua.ide.fixes.QuickFix;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.lint.LintIssue;

/**
 * LSP quick fixes: for each diagnostic the client sends back, the fixes {@link LuaQuickFixes}
 * has for the lint finding behind it, as workspace edits (which may create {@code .luacheckrc}).
 */
public class LuaCodeActionService implements ICodeActionService2 {

	@Inject
	private LuaWorkspaceFiles files;

	@Inject
	private LuaLintValidator validator;

	private final LuaQuickFixes quickFixes = new LuaQuickFixes();

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		if (options.getCodeActionParams().getContext() == null) {
			return List.of();
		}
		if (options.getResource() instanceof XtextResource resource) {
			return actions(resource, options);
		}
		// Xtext's server hands over only the URI: read the resource as the server has it now
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> context.getResource() instanceof XtextResource resource ? actions(resource, options) : List.of());
	}

	private List<Either<Command, CodeAction>> actions(XtextResource resource, Options options) {
		LuaDocument document = files.document(resource);
		LuaProject project = files.project(resource);
		List<LintIssue> issues = validator.lint(resource);
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null
					: diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
			int line = diagnostic.getRange().getStart().getLine() + 1;
			int column = diagnostic.getRange().getStart().getCharacter() + 1;
			for (LintIssue issue : issues) {
				if (issue.code().equals(code) && issue.line() == line && issue.column() == column) {
					for (QuickFix fix : files.locked(() -> quickFixes.fixes(document, project, issue))) {
						CodeAction action = new CodeAction(fix.title());
						action.setKind(CodeActionKind.QuickFix);
						action.setDiagnostics(List.of(diagnostic));
						action.setIsPreferred(fix.preferred());
						action.setEdit(workspaceEdit(project, fix));
						actions.add(Either.forRight(action));
					}
				}
			}
		}
		return actions;
	}

	private static WorkspaceEdit workspaceEdit(LuaProject project, QuickFix fix) {
		boolean creates = fix.changes().stream().anyMatch(FileEdits::createFile);
		Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
		List<Either<TextDocumentEdit, ResourceOperation>> documentChanges = new ArrayList<>();
		for (FileEdits file : fix.changes()) {
			String uri = Path.of(file.fileName()).toUri().toString();
			Positions positions = positionsOf(project, file);
			List<TextEdit> edits = file.edits().stream().map(edit -> new TextEdit(positions.range(edit.range()), edit.newText())).toList();
			if (file.createFile()) {
				documentChanges.add(Either.forRight(new CreateFile(uri)));
			}
			documentChanges.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
					edits.stream().map(edit -> Either.<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>forLeft(edit)).toList())));
			changes.computeIfAbsent(uri, key -> new ArrayList<>()).addAll(edits);
		}
		return creates ? new WorkspaceEdit(documentChanges) : new WorkspaceEdit(changes);
	}

	private static Positions positionsOf(LuaProject project, FileEdits file) {
		return project.document(file.fileName()).map(document -> new Positions(document.lines())).orElseGet(() -> {
			try {
				Path path = Path.of(file.fileName());
				return new Positions(Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "");
			} catch (IOException e) {
				return new Positions("");
			}
		});
	}
}
