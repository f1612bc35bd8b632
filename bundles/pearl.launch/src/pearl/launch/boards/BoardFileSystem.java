package pearl.launch.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import pearl.emulator.Spiffs;

/**
 * The SPIFFS of a running emulated board, for the views: its files with their sizes and write
 * counts, reading, writing and deleting them, and running one at the board's REPL. Every call
 * reaches the board on its own thread and answers with a future, so a caller on the UI thread
 * never waits on the board (a board held by the debugger answers when it resumes).
 */
public final class BoardFileSystem implements BoardStorage {

    private final RunningBoard board;

    /** The file system of {@code board}. */
    public BoardFileSystem(RunningBoard board) {
        this.board = board;
    }

    /** The board whose files these are. */
    public RunningBoard board() {
        return board;
    }

    @Override
    public String label() {
        return board.label();
    }

    @Override
    public boolean ended() {
        return board.ended();
    }

    @Override
    public CompletableFuture<Listing> list() {
        return board.ask(b -> {
            Spiffs spiffs = b.spiffs();
            List<BoardFile> files = new ArrayList<>();
            spiffs.list().forEach((name, size) -> files.add(new BoardFile(name, size, spiffs.writes(name))));
            Spiffs.Info info = spiffs.info();
            return new Listing(List.copyOf(files), info.used(), info.total());
        });
    }

    @Override
    public CompletableFuture<byte[]> read(String name) {
        return board.ask(b -> b.spiffs().getContents(name));
    }

    @Override
    public CompletableFuture<Boolean> write(String name, byte[] content) {
        return board.ask(b -> b.spiffs().putContents(name, content));
    }

    @Override
    public CompletableFuture<Boolean> delete(String name) {
        return board.ask(b -> {
            boolean there = b.spiffs().exists(name);
            b.spiffs().remove(name);
            return there;
        });
    }

    /**
     * Runs file {@code name} as a user would at the board's REPL: types {@code dofile("name")};
     * what it prints goes to the UART (the launch's console), so the answer is null.
     */
    @Override
    public CompletableFuture<String> run(String name) {
        board.input("dofile(" + luaString(name) + ")\n");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public AutoCloseable watch(Consumer<String> changed) {
        return board.watchFiles(changed);
    }

    /** {@code text} as a quoted Lua string literal. */
    static String luaString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
