package pearl.launch.process;

import java.util.function.Consumer;

import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy2;

import pearl.device.repl.LineEditor;

/**
 * A board's console as Eclipse sees a process's streams: standard output is the UART, standard
 * error Pearl's own messages (warnings, reboots), and what the user types goes to the board's REPL.
 */
public final class ConsoleStreams implements IStreamsProxy2 {

    private final TextStreamMonitor uart = new TextStreamMonitor();
    private final TextStreamMonitor messages = new TextStreamMonitor();
    private final Consumer<String> input;
    // Eclipse's console keeps the line the user typed, line end and all: the board's echo would repeat it
    private final LineEditor.EchoFilter echo = new LineEditor.EchoFilter(true);
    private final StringBuilder typed = new StringBuilder();
    private volatile boolean inputClosed;

    /** Streams whose typed input goes to {@code input}. */
    public ConsoleStreams(Consumer<String> input) {
        this.input = input;
    }

    /** The UART's output. */
    public TextStreamMonitor uart() {
        return uart;
    }

    /** Adds the board's {@code output} to the UART stream, without its echo of the line the user just typed. */
    public void boardOutput(String output) {
        uart.append(echo.filter(output));
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
        if (inputClosed) {
            return;
        }
        synchronized (typed) {
            typed.append(text);
            int end;
            while ((end = typed.indexOf("\n")) >= 0) {
                String line = typed.substring(0, end);
                typed.delete(0, end + 1);
                echo.sent(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
        input.accept(text);
    }

    @Override
    public void closeInputStream() {
        inputClosed = true;
    }
}
