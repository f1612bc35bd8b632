package pearl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import pearl.lua.lint.LintConfig;
import pearl.lua.lint.config.LuacheckConfig;

/**
 * The configuration {@code pearl lint} applies to each file: the command line's settings, then
 * the project's {@code .luacheckrc} (found as luacheck finds it: in the current folder or the
 * nearest one above), whose {@code files[...]} sections and {@code exclude_files} are matched
 * against paths relative to the folder the {@code .luacheckrc} is in.
 */
final class ProjectConfig {

	static final String FILE_NAME = ".luacheckrc";

	private final LintConfig base;
	private final LuacheckConfig luacheck;
	private final Path folder;

	private ProjectConfig(LintConfig base, LuacheckConfig luacheck, Path folder) {
		this.base = base;
		this.luacheck = luacheck;
		this.folder = folder;
	}

	/** No .luacheckrc: the command line's settings for every file. */
	static ProjectConfig none(LintConfig base) {
		return new ProjectConfig(base, null, null);
	}

	/** {@code file} if given, else the nearest .luacheckrc from the current folder up, else none. */
	static ProjectConfig find(Path file, LintConfig base) throws IOException {
		Path config = file;
		if (config == null) {
			for (Path dir = Path.of("").toAbsolutePath(); dir != null && config == null; dir = dir.getParent()) {
				if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
					config = dir.resolve(FILE_NAME);
				}
			}
		}
		if (config == null) {
			return none(base);
		}
		Path absolute = config.toAbsolutePath().normalize();
		return new ProjectConfig(base, LuacheckConfig.load(absolute), absolute.getParent());
	}

	/** Whether {@code exclude_files} leaves the file out. */
	boolean excludes(String fileName) {
		return luacheck != null && luacheck.excludes(relative(fileName));
	}

	/** The configuration for one file. */
	LintConfig configFor(String fileName) {
		return luacheck == null ? base : luacheck.configFor(relative(fileName), base);
	}

	private String relative(String fileName) {
		Path path = Path.of(fileName).toAbsolutePath().normalize();
		return (path.startsWith(folder) ? folder.relativize(path) : path).toString().replace('\\', '/');
	}
}
