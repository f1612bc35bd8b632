package pearl.launch.device;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;

import pearl.device.repl.DeviceException;
import pearl.device.repl.Link;
import pearl.device.repl.ReplClient;
import pearl.launch.process.BoardProcess;

/**
 * A real board as its launch's process: first the upload's progress in the console, then, when
 * the configuration keeps it open, the board's serial console (its output shown, what the user
 * types sent to its Lua prompt) until terminated.
 */
public final class DeviceProcess extends BoardProcess {

    private volatile ReplClient client;
    private volatile boolean consoleOpen;
    private Thread reader;

    /** A process of {@code launch}; call {@link #start()} to show it. */
    public DeviceProcess(ILaunch launch, String label) {
        this(launch, label, new AtomicReference<>());
    }

    // the console's input goes to this process, which does not exist yet when super() is called
    private DeviceProcess(ILaunch launch, String label, AtomicReference<DeviceProcess> self) {
        super(launch, label, text -> self.get().input(text));
        self.set(this);
    }

    /** Adds the process to its launch, so its console shows what follows. */
    public void start() {
        getLaunch().addProcess(this);
        announce();
    }

    /** The connection, closed when the process ends. */
    void connected(ReplClient connection) {
        this.client = connection;
    }

    /**
     * Turns the connection into the console: the board's output is shown as it comes and typed
     * lines go to the board, until the process is terminated or the port fails.
     */
    synchronized void openConsole() throws DeviceException {
        ReplClient c = client;
        streams().uart().append(c.session().drain(20));
        consoleOpen = true;
        reader = new Thread(() -> readBoard(c.session().link()), "pearl device console: " + getLabel());
        reader.setDaemon(true);
        reader.start();
    }

    private void readBoard(Link link) {
        try {
            while (consoleOpen) {
                byte[] bytes = link.read(50);
                if (bytes.length > 0) {
                    streams().boardOutput(new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (DeviceException e) {
            if (consoleOpen) {
                streams().messages().append("the board's port failed: " + e.getMessage() + "\n");
                finish(1);
            }
        }
    }

    private void input(String text) {
        if (!consoleOpen) {
            // during the upload the prompt is Pearl's: typed lines would break into its commands
            streams().messages().append("the board is busy with the upload; type once the console is open\n");
            return;
        }
        try {
            client.session().link().write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (DeviceException e) {
            streams().messages().append("cannot send to the board: " + e.getMessage() + "\n");
        }
    }

    /** Closes the connection and ends the process with {@code exit}. */
    void finish(int exit) {
        consoleOpen = false;
        ReplClient c = client;
        if (c != null) {
            c.close();
        }
        ended(exit);
    }

    @Override
    public void terminate() throws DebugException {
        Thread t;
        synchronized (this) {
            consoleOpen = false;
            t = reader;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                // the reader waits at most one read's time before it sees the console closed
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finish(0);
    }
}
