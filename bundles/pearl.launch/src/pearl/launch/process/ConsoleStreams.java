package pearl.launch.process;

import java.util.function.Consumer;

import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy2;

/**
 * A board's console as Eclipse sees a process's streams: standard output is the UART, standard
 * error Pearl's own messages (warnings, reboots), and what the user types goes to the board's REPL.
 */
public final class ConsoleStreams implements IStreamsProxy2 {

    private final TextStreamMonitor uart = new TextStreamMonitor();
    private final TextStreamMonitor messages = new TextStreamMonitor();
    private final Consumer<String> input;
    private volatile boolean inputClosed;

    /** Streams whose typed input goes to {@code input}. */
    public ConsoleStreams(Consumer<String> input) {
        this.input = input;
    }

    /** The UART's output. */
    public TextStreamMonitor uart() {
        return uart;
    }

    /** Pearl's messages about the board. */
    public TextStreamMonitor messages() {
        return messages;
    }

    @Override
    public IStreamMonitor getOutputStreamMonitor() {
        return uart;
    }

    @Override
    public IStreamMonitor getErrorStreamMonitor() {
        return messages;
    }

    @Override
    public void write(String text) {
        if (!inputClosed) {
            input.accept(text);
        }
    }

    @Override
    public void closeInputStream() {
        inputClosed = true;
    }
}
