package pearl.launch.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IStreamMonitor;

/**
 * One stream of a board's console (its UART, or Pearl's own messages): it keeps what was written,
 * so a console that attaches late still shows the boot banner, and tells listeners of each new piece.
 */
public final class TextStreamMonitor implements IStreamMonitor {

    private final StringBuilder contents = new StringBuilder();
    private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds {@code text} to the stream. */
    public void append(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        synchronized (contents) {
            contents.append(text);
        }
        for (IStreamListener listener : listeners) {
            listener.streamAppended(text, this);
        }
    }

    @Override
    public void addListener(IStreamListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(IStreamListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String getContents() {
        synchronized (contents) {
            return contents.toString();
        }
    }
}
