package pearl.lua.ide.hover;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.ObjectType;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.navigation.CaretTarget;
import pearl.lua.ide.navigation.GlobalSites;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.NameReference;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/** Hover text for the script's own variables: what kind a local is and where, where a global is set. */
final class VariableHover {

	/** How many assignments of a global a hover lists before it only counts the rest. */
	private static final int MAX_SITES = 5;

	private VariableHover() {
	}

	/** A local, parameter, loop variable or {@code self}: its kind, its type if firmware, its declaration. */
	static String local(LuaDocument document, CaretTarget.Local target) {
		LocalVariable local = target.local();
		Markdown text = new Markdown();
		String name = Markdown.inline(local.name()) + objectType(document, local).map(type -> ": " + Markdown.inline(type.name())).orElse("");
		if (target.isUpvalueHere()) {
			text.paragraph("**upvalue** " + name + ": the " + kind(local) + origin(document, local) + ", captured by the function at line "
					+ functionLine(document, target.use().function()));
		} else {
			text.paragraph("**" + kind(local) + "** " + name + origin(document, local));
			List<Integer> capturedBy = capturingFunctionLines(document, local);
			if (capturedBy.size() == 1) {
				text.paragraph("Captured by the function at line " + capturedBy.get(0) + ": it stays alive as long as that function does.");
			} else if (capturedBy.size() > 1) {
				String allButLast = capturedBy.subList(0, capturedBy.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "));
				text.paragraph("Captured by the functions at lines " + allButLast + " and " + capturedBy.get(capturedBy.size() - 1)
						+ ": it stays alive as long as they do.");
			}
		}
		document.declarationRange(local).ifPresent(range -> text.code(sourceLine(document, range.offset())));
		return text.toString();
	}

	/** A global: where the project sets it, or that it never does. */
	static String global(LuaDocument document, LuaProject project, String name) {
		Markdown text = new Markdown().paragraph("**global** " + Markdown.inline(name));
		List<GlobalSites.Site> definitions = GlobalSites.definitions(document, project, name);
		if (definitions.isEmpty()) {
			text.paragraph("Never assigned in " + (project == null ? "this file" : "this project")
					+ ": a misspelt name, or a global some other code must set first?");
			return text.toString();
		}
		for (GlobalSites.Site site : definitions.subList(0, Math.min(MAX_SITES, definitions.size()))) {
			text.paragraph("Set at " + Markdown.inline(fileName(project, site.document()) + ":" + site.line()) + ":");
			site.range().ifPresent(range -> text.code(sourceLine(site.document(), range.offset())));
		}
		if (definitions.size() > MAX_SITES) {
			text.paragraph("… and set at " + (definitions.size() - MAX_SITES) + " more places.");
		}
		boolean read = GlobalSites.uses(document, project, name).stream().anyMatch(site -> site.use().access() == NameUse.Access.READ);
		if (!read) {
			text.paragraph("Never read in " + (project == null ? "this file" : "the project") + ": should it be `local`?");
		}
		return text.toString();
	}

	private static String kind(LocalVariable local) {
		return switch (local.kind()) {
		case LOCAL -> "local";
		case LOCAL_FUNCTION -> "local function";
		case PARAMETER -> "parameter";
		case FOR_VARIABLE -> "loop variable";
		case SELF -> "method receiver";
		};
	}

	/** Where the variable comes from: the function a parameter or {@code self} belongs to, else the line declaring it. */
	private static String origin(LuaDocument document, LocalVariable local) {
		if (local.kind() == LocalVariable.Kind.PARAMETER || local.kind() == LocalVariable.Kind.SELF) {
			return " of the function at line " + functionLine(document, local.function());
		}
		return document.declarationRange(local).map(r -> " declared on line " + document.lines().line(r.offset())).orElse("");
	}

	/** The firmware object the variable holds ({@code tmr.timer} for {@code local t = tmr.create()}), as the linter sees it. */
	private static Optional<ObjectType> objectType(LuaDocument document, LocalVariable local) {
		for (NameUse use : local.uses()) {
			if (use.owner() instanceof NameReference reference) {
				return document.queries().objectTypeOf(reference);
			}
		}
		return Optional.empty();
	}

	/** The lines of the nested functions that use the variable as an upvalue, in source order. */
	private static List<Integer> capturingFunctionLines(LuaDocument document, LocalVariable local) {
		return local.uses().stream().filter(use -> use.function() != local.function()).map(use -> functionLine(document, use.function()))
				.distinct().sorted().toList();
	}

	/** The line where a function starts ({@code function} keyword or its name), or of the body itself. */
	private static int functionLine(LuaDocument document, FunctionBody function) {
		EObject start = function == null ? null : function.eContainer() != null ? function.eContainer() : function;
		return start == null ? 1 : document.rangeOf(start).map(r -> document.lines().line(r.offset())).orElse(1);
	}

	/** The whole line of text around {@code offset}, without its line break. */
	static String sourceLine(LuaDocument document, int offset) {
		int line = document.lines().line(offset);
		int start = document.lines().lineStart(line);
		int end = document.lines().lineStart(line + 1);
		String text = document.text().substring(start, Math.max(start, end));
		return text.stripTrailing();
	}

	private static String fileName(LuaProject project, LuaDocument document) {
		if (project != null) {
			return project.relativeName(document.fileName());
		}
		Path name = Path.of(document.fileName()).getFileName();
		return name == null ? document.fileName() : name.toString();
	}
}
