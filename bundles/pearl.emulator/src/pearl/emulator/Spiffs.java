package pearl.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The board's SPIFFS file system: a flat namespace (a name may contain '/', there are no
 * folders), names of at most {@value #MAX_NAME_LENGTH} characters after the last '/', at most
 * {@value #MAX_OPEN_FILES} files open at once, a fixed capacity. It counts the writes to each
 * file, since flash wears out. It lives as long as the emulated board (reboots included) and
 * loads from and saves to a folder.
 */
public final class Spiffs {

	/** FS_OBJ_NAME_LEN: the longest name after its last '/'. */
	public static final int MAX_NAME_LENGTH = 31;
	/** SPIFFS_MAX_OPEN_FILES. */
	public static final int MAX_OPEN_FILES = 4;
	/** Bytes per flash page; files take whole pages, plus one for their index. */
	public static final int PAGE = 256;

	/** What {@code file.stat} reports (SPIFFS keeps no time: it is 1970-01-01 00:00:00). */
	public record Stat(String name, int size) {
	}

	/** {@code file.fsinfo()}: bytes remaining, used and in all. */
	public record Info(long remaining, long used, long total) {
	}

	private final long capacity;
	private final SortedMap<String, byte[]> files = new TreeMap<>();
	private final Map<String, Integer> writes = new HashMap<>();
	private final List<SpiffsFile> open = new ArrayList<>();
	private java.util.function.Consumer<String> changes = name -> { };

	/** An empty file system of {@code capacity} bytes. */
	public Spiffs(long capacity) {
		this.capacity = capacity;
	}

	/** Throws the firmware's "filename invalid" for a name SPIFFS cannot hold. */
	static void checkName(String name) {
		String base = name.substring(name.lastIndexOf('/') + 1);
		if (name.isEmpty() || base.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
			throw new FirmwareError("filename invalid");
		}
	}

	/**
	 * {@code file.open(name, mode)}: the open file, or null when a file opened to read is missing or
	 * no descriptor is free. Modes "r", "w", "a", "r+", "w+", "a+".
	 */
	public SpiffsFile open(String name, String mode) {
		checkName(name);
		boolean exists = files.containsKey(name);
		if (mode.startsWith("r") && !exists || open.size() >= MAX_OPEN_FILES) {
			return null;
		}
		if (mode.startsWith("w") || !exists) {
			files.put(name, new byte[0]);
			changes.accept(name);
		}
		SpiffsFile file = new SpiffsFile(this, name, mode);
		open.add(file);
		return file;
	}

	/** Tells {@code listener} the name of every file created, written, removed or renamed (both names). */
	public void setChangeListener(java.util.function.Consumer<String> listener) {
		changes = listener;
	}

	/** {@code file.list()}: every file's name and size. */
	public SortedMap<String, Integer> list() {
		SortedMap<String, Integer> sizes = new TreeMap<>();
		files.forEach((name, content) -> sizes.put(name, content.length));
		return Collections.unmodifiableSortedMap(sizes);
	}

	/** {@code file.exists(name)}. */
	public boolean exists(String name) {
		checkName(name);
		return files.containsKey(name);
	}

	/** {@code file.remove(name)}: no error for a missing file. */
	public void remove(String name) {
		checkName(name);
		if (files.remove(name) != null) {
			changes.accept(name);
		}
	}

	/** {@code file.rename(old, new)}: false when old is missing or new exists. */
	public boolean rename(String from, String to) {
		checkName(from);
		checkName(to);
		if (!files.containsKey(from) || files.containsKey(to)) {
			return false;
		}
		files.put(to, files.remove(from));
		writes.put(to, writes.getOrDefault(from, 0));
		changes.accept(from);
		changes.accept(to);
		return true;
	}

	/** {@code file.getcontents(name)}: the whole file, or null when missing. */
	public byte[] getContents(String name) {
		checkName(name);
		byte[] content = files.get(name);
		return content == null ? null : content.clone();
	}

	/** {@code file.putcontents(name, data)}: true, or false when the data does not fit. */
	public boolean putContents(String name, byte[] data) {
		checkName(name);
		if (usedWith(name, data.length) > capacity) {
			return false;
		}
		files.put(name, data.clone());
		countWrite(name);
		return true;
	}

	/** {@code file.stat(name)}, or null when missing. */
	public Stat stat(String name) {
		checkName(name);
		byte[] content = files.get(name);
		return content == null ? null : new Stat(name, content.length);
	}

	/** {@code file.fsinfo()}. */
	public Info info() {
		long used = usedWith(null, 0);
		return new Info(capacity - used, used, capacity);
	}

	/** {@code file.format()}: every file gone, every open file closed. */
	public void format() {
		new ArrayList<>(open).forEach(SpiffsFile::close);
		List<String> gone = new ArrayList<>(files.keySet());
		files.clear();
		gone.forEach(changes);
		writes.clear();
	}

	/** Closes every open file: descriptors do not survive a reboot, the files do. */
	public void closeAll() {
		new ArrayList<>(open).forEach(SpiffsFile::close);
	}

	/** How many times a file has been written (each write call, each putcontents). */
	public int writes(String name) {
		return writes.getOrDefault(name, 0);
	}

	/** Files open now. */
	public int openFiles() {
		return open.size();
	}

	/** Copies every file below {@code folder} in, named by its path relative to the folder with '/'. */
	public void load(Path folder) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(folder)) {
			paths = walk.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path path : paths) {
			String name = folder.relativize(path).toString().replace('\\', '/');
			try {
				checkName(name);
			} catch (FirmwareError e) {
				throw new IOException(path + ": the name '" + name + "' is too long for SPIFFS (at most " + MAX_NAME_LENGTH
						+ " characters after the last '/')");
			}
			if (!putContents(name, Files.readAllBytes(path))) {
				throw new IOException(path + ": does not fit in SPIFFS (" + info().remaining() + " bytes free of " + capacity + ")");
			}
		}
	}

	/** Writes every file into {@code folder}. */
	public void save(Path folder) throws IOException {
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Path path = folder.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
	}

	byte[] content(String name) {
		return files.get(name);
	}

	/** Stores new content for an open file; false when it does not fit. */
	boolean store(String name, byte[] content) {
		if (usedWith(name, content.length) > capacity) {
			return false;
		}
		files.put(name, content);
		countWrite(name);
		return true;
	}

	void closed(SpiffsFile file) {
		open.remove(file);
	}

	private void countWrite(String name) {
		writes.merge(name, 1, Integer::sum);
		changes.accept(name);
	}

	/** Bytes used if {@code name} had {@code size} bytes (null: as things are). */
	private long usedWith(String name, int size) {
		long used = 0;
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			used += pages(file.getKey().equals(name) ? size : file.getValue().length);
		}
		if (name != null && !files.containsKey(name)) {
			used += pages(size);
		}
		return used;
	}

	private static long pages(int size) {
		return (long) (1 + (size + PAGE - 1) / PAGE) * PAGE;
	}
}
