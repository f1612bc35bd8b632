package pearl.lua.ui.preferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareDataException;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.SeverityOverrides;

/**
 * Where the Lua preferences live. Lint severities: in the workspace ({@link InstanceScope}) and,
 * when a project turns on its own, in the project ({@code .settings/pearl.lua.ui.prefs}, shared
 * through version control). The board profile: the workspace default as JSON in the workspace
 * preferences, a project's own in {@link BoardProfile#PROJECT_FILE} at its root, the file that
 * {@code pearl --profile} reads too.
 */
public final class LuaPreferences {

	/** The preference node of this bundle, in every scope. */
	public static final String NODE = "pearl.lua.ui";
	/** In a project's node: whether its own lint severities apply. */
	public static final String PROJECT_SPECIFIC_LINT = "lint.projectSpecific";
	/** In the workspace node: the default board profile, as {@link BoardProfile#toJson()} text. */
	public static final String BOARD_PROFILE = "board.profile";

	private static final String SEVERITY_PREFIX = "lint.severity.";

	private LuaPreferences() {
	}

	/** The workspace's preferences of this bundle. */
	public static IEclipsePreferences workspace() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	/** {@code project}'s preferences of this bundle. */
	public static IEclipsePreferences of(IProject project) {
		return new ProjectScope(project).getNode(NODE);
	}

	/** The severities that apply in {@code project} (the workspace's when null or not project specific). */
	public static SeverityOverrides severities(IProject project) {
		return severities(hasOwnSeverities(project) ? of(project) : workspace());
	}

	/** Whether {@code project} has its own severities turned on. */
	public static boolean hasOwnSeverities(IProject project) {
		return project != null && project.isAccessible() && of(project).getBoolean(PROJECT_SPECIFIC_LINT, false);
	}

	/** The severities stored in {@code node}. */
	public static SeverityOverrides severities(IEclipsePreferences node) {
		List<LintRule> rules = LintRules.all();
		Map<String, String> words = new HashMap<>();
		for (LintRule rule : rules) {
			String word = node.get(SEVERITY_PREFIX + rule.code(), null);
			if (word != null) {
				words.put(rule.code(), word);
			}
		}
		return SeverityOverrides.fromWords(words, rules);
	}

	/** Stores {@code severities} in {@code node}, leaving no key for a rule at its default, and flushes it. */
	public static void store(IEclipsePreferences node, SeverityOverrides severities) {
		Map<String, String> words = severities.words();
		for (LintRule rule : LintRules.all()) {
			String word = words.get(rule.code());
			if (word == null) {
				node.remove(SEVERITY_PREFIX + rule.code());
			} else {
				node.put(SEVERITY_PREFIX + rule.code(), word);
			}
		}
		flush(node);
	}

	/** Writes {@code node} to its backing store (for a project, its {@code .settings} file). */
	public static void flush(IEclipsePreferences node) {
		try {
			node.flush();
		} catch (BackingStoreException e) {
			ILog.of(LuaPreferences.class).error("cannot save the Lua preferences", e);
		}
	}

	/** The workspace's default board: every module the firmware data describes, unless the user chose others. */
	public static BoardProfile workspaceBoard() {
		String json = workspace().get(BOARD_PROFILE, null);
		if (json != null) {
			try {
				return BoardProfile.parse(json, "the workspace preferences");
			} catch (FirmwareDataException e) {
				ILog.of(LuaPreferences.class).warn("the workspace's board profile is not used: " + e.getMessage());
			}
		}
		return BoardProfile.allModules();
	}

	/** Makes {@code board} the workspace's default board. */
	public static void storeWorkspaceBoard(BoardProfile board) {
		workspace().put(BOARD_PROFILE, board.toJson());
		flush(workspace());
	}

	/** The board {@code project} runs on: its own profile file if it has one, else the workspace's default. */
	public static BoardProfile board(IProject project) {
		Path file = boardFile(project);
		if (file != null && Files.isRegularFile(file)) {
			try {
				return BoardProfile.read(file);
			} catch (IOException | FirmwareDataException e) {
				ILog.of(LuaPreferences.class).warn(file + " is not used: " + e.getMessage());
			}
		}
		return workspaceBoard();
	}

	/** The project's own board profile file (which may not exist), or null when the project is not on disk. */
	public static Path boardFile(IProject project) {
		IPath location = project == null ? null : project.getLocation();
		return location == null ? null : location.toFile().toPath().resolve(BoardProfile.PROJECT_FILE);
	}

	/** The open workspace project whose folder holds {@code path} (the deepest, for nested projects), or null. */
	public static IProject projectContaining(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		IProject found = null;
		int depth = -1;
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			IPath location = project.isOpen() ? project.getLocation() : null;
			if (location != null) {
				Path root = location.toFile().toPath().toAbsolutePath().normalize();
				if (absolute.startsWith(root) && root.getNameCount() > depth) {
					found = project;
					depth = root.getNameCount();
				}
			}
		}
		return found;
	}
}
