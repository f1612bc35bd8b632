package pearl.lua.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.LuaIdeSetup;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;

/**
 * The headless language services the Eclipse side adapts, made once for the whole workbench:
 * setting the parser up takes about a second, so it happens on first use, off the UI thread where
 * possible. Every editor, the builder and the quick fixes go through here, so a file is linted the
 * same way everywhere.
 */
public final class LuaServices {

	private static final class Holder {
		static final LuaServices INSTANCE = new LuaServices();
	}

	private final LuaSources sources = new LuaSources(LuaIdeSetup.doSetupIde());
	private final FirmwareModel firmware = FirmwareModel.load();
	private final ProjectLinter linter = new ProjectLinter(sources, LintRules.all());
	private final Map<Path, ProjectFolder> folders = new ConcurrentHashMap<>();

	private LuaServices() {
	}

	/** The services, made on the first call. */
	public static LuaServices get() {
		return Holder.INSTANCE;
	}

	/** The parser. */
	public LuaSources sources() {
		return sources;
	}

	/** The firmware the board runs. */
	public FirmwareModel firmware() {
		return firmware;
	}

	/** {@code text}, the content of {@code file}, parsed and analysed. */
	public LuaDocument parse(String file, String text) {
		return LuaDocument.parse(sources, file, text, firmware);
	}

	/** The project folder whose {@code .lua} files are one project with {@code root}. */
	public ProjectFolder folder(Path root) {
		return folders.computeIfAbsent(root.toAbsolutePath().normalize(), r -> new ProjectFolder(r, sources, firmware));
	}

	/** The findings in {@code document}, a file of {@code project}, as {@code pearl lint} reports them. */
	public List<LintIssue> lint(LuaDocument document, LuaProject project) {
		return linter.lint(document, project.globalsSetOutside(document.fileName()));
	}

	/** The linter, for the lint configuration of a file. */
	public ProjectLinter linter() {
		return linter;
	}
}
