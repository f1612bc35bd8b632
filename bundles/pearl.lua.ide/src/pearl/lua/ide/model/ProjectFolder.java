package pearl.lua.ide.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import pearl.lua.LuaSources;
import pearl.lua.firmware.FirmwareModel;

/**
 * Keeps a {@link LuaProject} in step with the {@code .lua} files under a folder on disk, with the
 * documents an editor has open taking the place of their saved text. A saved file is parsed again
 * only when its time stamp or size changes; the folder is walked at most once a second unless the
 * set of open documents changed, since files on disk change seldom while the user types. Editors
 * (the language server, the Eclipse editor and builder) each keep one per project. Safe to use
 * from several threads.
 */
public final class ProjectFolder {

	/** Folders never searched for project files. */
	public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".svn", "node_modules", "target", "build", ".pearl", "bin");

	private static final long RESCAN_NANOS = 1_000_000_000L;

	private record OnDisk(long modified, long size, LuaDocument document) {
	}

	private final LuaProject project;
	private final LuaSources sources;
	private final FirmwareModel firmware;
	private final Map<Path, OnDisk> onDisk = new ConcurrentHashMap<>();
	private long scanned = Long.MIN_VALUE;
	private Set<String> openLastScan = Set.of();

	/** The project under {@code root}, its saved files parsed with {@code sources} for {@code firmware}. */
	public ProjectFolder(Path root, LuaSources sources, FirmwareModel firmware) {
		this.project = new LuaProject(root);
		this.sources = sources;
		this.firmware = firmware;
	}

	/** The firmware the folder's saved files are analysed for. */
	public FirmwareModel firmware() {
		return firmware;
	}

	/** The project without looking at the disk again. */
	public LuaProject project() {
		return project;
	}

	/**
	 * The project with {@code open} (documents as an editor has them) in place of their saved
	 * text and every other {@code .lua} file under the folder as saved.
	 */
	public synchronized LuaProject project(Collection<LuaDocument> open) {
		Set<String> openNames = new HashSet<>();
		for (LuaDocument document : open) {
			project.put(document);
			openNames.add(project.relativeName(document.fileName()));
		}
		long now = System.nanoTime();
		if (scanned == Long.MIN_VALUE || now - scanned > RESCAN_NANOS || !openNames.equals(openLastScan)) {
			refresh(openNames);
			scanned = now;
			openLastScan = openNames;
		}
		return project;
	}

	/** Makes the next {@link #project(Collection)} walk the folder again, as after a save. */
	public synchronized void changed() {
		scanned = Long.MIN_VALUE;
	}

	/** The document of a saved file, parsed again only when it changed on disk. */
	public LuaDocument saved(Path file) throws IOException {
		return saved(file, Files.readAttributes(file, BasicFileAttributes.class));
	}

	private void refresh(Set<String> open) {
		Set<String> present = new HashSet<>(open);
		Path root = project.root();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					String name = project.relativeName(file.toString());
					if (name.endsWith(".lua") && !open.contains(name)) {
						try {
							project.put(saved(file, attrs));
							present.add(name);
						} catch (IOException e) {
							// an unreadable file is simply not part of the project
						}
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			return; // the folder went away: the project keeps what it had
		}
		project.documents().stream().map(d -> project.relativeName(d.fileName())).filter(name -> !present.contains(name)).toList()
				.forEach(name -> project.remove(root.resolve(name).toString()));
	}

	private LuaDocument saved(Path file, BasicFileAttributes attrs) throws IOException {
		OnDisk known = onDisk.get(file);
		long modified = attrs.lastModifiedTime().toMillis();
		if (known == null || known.modified() != modified || known.size() != attrs.size()) {
			String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			known = new OnDisk(modified, attrs.size(), LuaDocument.parse(sources, file.toString(), text, firmware));
			onDisk.put(file, known);
		}
		return known.document();
	}
}
