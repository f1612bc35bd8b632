package pearl.launch.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import pearl.device.repl.BoardFiles;
import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.ReplUploader;

/**
 * The SPIFFS of a real board on a serial port, through its Lua prompt. Each call opens the port,
 * does its work and closes it again, so the port stays free for a launch or a terminal between
 * calls (and a port a launch holds is refused with the reason). Calls run one after another on a
 * thread of their own. Boards do not count writes or tell of changes: write counts are -1.
 */
public final class SerialBoardFileSystem implements BoardStorage {

    /** How long a file run with {@link #run} may print before its answer is taken. */
    private static final int RUN_MILLIS = 10_000;

    private final String port;
    private final int baud;
    private final ExecutorService worker;

    /** The board on serial port {@code port} at {@code baud}. */
    public SerialBoardFileSystem(String port, int baud) {
        this.port = port;
        this.baud = baud;
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "pearl board files on " + port);
            thread.setDaemon(true);
            return thread;
        });
        one.allowCoreThreadTimeOut(true); // an idle view holds no thread
        this.worker = one;
    }

    /** The serial port's name. */
    public String port() {
        return port;
    }

    @Override
    public String label() {
        return port;
    }

    @Override
    public boolean ended() {
        return false;
    }

    @Override
    public CompletableFuture<Listing> list() {
        return onBoard(files -> {
            List<BoardFile> listed = new ArrayList<>();
            files.list().forEach((name, size) -> listed.add(new BoardFile(name, size, -1)));
            long[] info = files.fsinfo();
            return new Listing(List.copyOf(listed), info[1], info[2]);
        });
    }

    @Override
    public CompletableFuture<byte[]> read(String name) {
        return onBoard(files -> files.list().containsKey(name) ? files.get(name, (file, done, total) -> {
        }) : null);
    }

    @Override
    public CompletableFuture<Boolean> write(String name, byte[] content) {
        return connected(client -> {
            new ReplUploader(client).upload(name, content, ReplUploader.Options.PLAIN, (file, done, total) -> {
            });
            return true;
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String name) {
        return onBoard(files -> files.remove(name));
    }

    @Override
    public CompletableFuture<String> run(String name) {
        return onBoard(files -> files.run(name, RUN_MILLIS));
    }

    @Override
    public AutoCloseable watch(Consumer<String> changed) {
        return () -> {
        };
    }

    /** Work on the board's files while connected. */
    private interface FilesWork<T> {
        T on(BoardFiles files) throws DeviceException;
    }

    /** Work on the connected board. */
    private interface ClientWork<T> {
        T on(ReplClient client) throws DeviceException;
    }

    private <T> CompletableFuture<T> onBoard(FilesWork<T> work) {
        return connected(client -> work.on(new BoardFiles(client)));
    }

    private <T> CompletableFuture<T> connected(ClientWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try (ReplClient client = ReplClient.open(port, baud)) {
                return work.on(client);
            } catch (DeviceException e) {
                throw new CompletionException(port + ": " + e.getMessage(), e);
            }
        }, worker);
    }
}
