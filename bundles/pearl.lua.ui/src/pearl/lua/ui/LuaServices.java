package pearl.lua.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import pearl.lua.LuaSources;
import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.ide.LuaIdeSetup;
import pearl.lua.ide.diagnostics.ProjectLinter;
import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.model.ProjectFolder;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.SeverityOverrides;
import pearl.lua.ui.preferences.LuaPreferences;

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
	/** One model per board profile in use, so that a project's documents share theirs. */
	private final Map<BoardProfile, FirmwareModel> boards = new ConcurrentHashMap<>();

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

	/** Every module the firmware data file describes, for when the board does not matter. */
	public FirmwareModel firmware() {
		return firmware;
	}

	/**
	 * The firmware of the board that the file or folder {@code path} is for: its project's board
	 * profile (NodeMCU Board properties), else the workspace's.
	 */
	public FirmwareModel firmware(Path path) {
		BoardProfile board = LuaPreferences.board(LuaPreferences.projectContaining(path));
		return boards.computeIfAbsent(board, firmware::forProfile);
	}

	/** {@code text}, the content of {@code file}, parsed and analysed for the board of its project. */
	public LuaDocument parse(String file, String text) {
		return LuaDocument.parse(sources, file, text, firmware(Path.of(file)));
	}

	/**
	 * The project folder whose {@code .lua} files are one project with {@code root}; made anew
	 * when the project's board changed, as its saved files were analysed for the old one.
	 */
	public ProjectFolder folder(Path root) {
		FirmwareModel board = firmware(root);
		return folders.compute(root.toAbsolutePath().normalize(),
				(r, known) -> known != null && known.firmware() == board ? known : new ProjectFolder(r, sources, board));
	}

	/**
	 * The findings in {@code document}, a file of {@code project}, as {@code pearl lint} reports
	 * them, with the severities of the project's Lint properties (when it has its own) or the
	 * workspace's Lint preferences; the project's {@code .luacheckrc} applies on top of those.
	 */
	public List<LintIssue> lint(LuaDocument document, LuaProject project) {
		SeverityOverrides severities = LuaPreferences.severities(LuaPreferences.projectContaining(project.root()));
		return linter.lint(document, project.globalsSetOutside(document.fileName()), severities);
	}

	/** The linter, for the lint configuration of a file. */
	public ProjectLinter linter() {
		return linter;
	}
}
