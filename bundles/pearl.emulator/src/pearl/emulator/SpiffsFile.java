package pearl.emulator;

import java.util.Arrays;

/**
 * A file opened on {@link Spiffs}: {@code file.open}'s object, with its mode and position.
 * Reads return null at the end of the file (nil in Lua), as do writes that do not fit.
 */
public final class SpiffsFile {

	/** FILE_READ_CHUNK: what one read returns at most. */
	public static final int READ_CHUNK = 1024;

	private final Spiffs fs;
	private final String name;
	private final boolean readable;
	private final boolean writable;
	private final boolean appending;
	private int position;
	private boolean closed;

	SpiffsFile(Spiffs fs, String name, String mode) {
		this.fs = fs;
		this.name = name;
		this.readable = mode.startsWith("r") || mode.endsWith("+");
		this.writable = !mode.equals("r");
		this.appending = mode.startsWith("a");
		this.position = appending ? fs.content(name).length : 0;
	}

	/** The file's name. */
	public String name() {
		return name;
	}

	/** {@code fd:read(n)}: up to {@code n} bytes (at most {@value #READ_CHUNK}), or null at the end. */
	public byte[] read(int n) {
		byte[] content = readableContent();
		if (content == null || position >= content.length) {
			return null;
		}
		int end = Math.min(content.length, position + Math.min(n, READ_CHUNK));
		byte[] chunk = Arrays.copyOfRange(content, position, end);
		position = end;
		return chunk;
	}

	/** {@code fd:read(char)} and {@code fd:readline()}: up to and including {@code delimiter}, at most {@value #READ_CHUNK} bytes. */
	public byte[] readUntil(byte delimiter) {
		byte[] content = readableContent();
		if (content == null || position >= content.length) {
			return null;
		}
		int end = position;
		int limit = Math.min(content.length, position + READ_CHUNK);
		while (end < limit && content[end++] != delimiter) {
			// scan to the delimiter
		}
		byte[] chunk = Arrays.copyOfRange(content, position, end);
		position = end;
		return chunk;
	}

	/** {@code fd:write(data)}: true, or false when the file was not opened for writing or the data does not fit. */
	public boolean write(byte[] data) {
		checkOpen();
		if (!writable) {
			return false;
		}
		byte[] content = fs.content(name);
		int at = appending ? content.length : position;
		byte[] updated = Arrays.copyOf(content, Math.max(content.length, at + data.length));
		System.arraycopy(data, 0, updated, at, data.length);
		if (!fs.store(name, updated)) {
			return false;
		}
		position = at + data.length;
		return true;
	}

	/** {@code fd:seek(whence, offset)}: the new position, or -1 (nil) when it would be before the start. */
	public int seek(String whence, int offset) {
		checkOpen();
		int base = switch (whence) {
		case "set" -> 0;
		case "cur" -> position;
		case "end" -> fs.content(name).length;
		default -> throw new FirmwareError("invalid option '" + whence + "'");
		};
		if (base + offset < 0) {
			return -1;
		}
		position = base + offset;
		return position;
	}

	/** {@code fd:close()}. */
	public void close() {
		if (!closed) {
			closed = true;
			fs.closed(this);
		}
	}

	private byte[] readableContent() {
		checkOpen();
		return readable ? fs.content(name) : null;
	}

	private void checkOpen() {
		if (closed || fs.content(name) == null) {
			throw new FirmwareError("open a file first");
		}
	}
}
