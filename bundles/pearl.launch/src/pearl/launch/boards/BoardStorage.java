package pearl.launch.boards;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The file system (SPIFFS) of a board, emulated or real, as the views use it. Every call answers
 * with a future completed off the caller's thread, so a caller on the UI thread never waits on the
 * board.
 */
public interface BoardStorage {

    /** A file on the board: its name, size in bytes, and how many times it was written (-1: unknown). */
    record BoardFile(String name, int size, int writes) {
    }

    /** The board's files by name, and the file system's bytes used and total. */
    record Listing(List<BoardFile> files, long used, long total) {
    }

    /** The board's name for the user. */
    String label();

    /** Whether the board is gone: its files can still be read as they were, no longer changed. */
    boolean ended();

    /** The files now on the board, sorted by name, with the space used. */
    CompletableFuture<Listing> list();

    /** The content of file {@code name}; null when the board has no such file. */
    CompletableFuture<byte[]> read(String name);

    /** Writes {@code content} as file {@code name}, replacing it; false when it does not fit. */
    CompletableFuture<Boolean> write(String name, byte[] content);

    /** Removes file {@code name}; completes with whether there was such a file. */
    CompletableFuture<Boolean> delete(String name);

    /**
     * Runs file {@code name} at the board's REPL ({@code dofile}). Completes with what it printed
     * when nobody else shows the board's output; with null when its output goes to the board's console.
     */
    CompletableFuture<String> run(String name);

    /** Tells {@code changed} the name of each file that changes on the board (where the board tells), until closed. */
    AutoCloseable watch(Consumer<String> changed);
}
