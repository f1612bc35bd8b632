package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;

/** Records the debug events Eclipse's debug plug-in fires, for a test to wait for them in order. */
final class DebugEvents implements IDebugEventSetListener, AutoCloseable {

    static final long TIMEOUT_S = 30;

    private final BlockingQueue<DebugEvent> events = new LinkedBlockingQueue<>();
    private final List<DebugEvent> seen = new ArrayList<>();

    DebugEvents() {
        DebugPlugin.getDefault().addDebugEventListener(this);
    }

    @Override
    public void handleDebugEvents(DebugEvent[] set) {
        for (DebugEvent e : set) {
            events.add(e);
        }
    }

    /**
     * Waits for an event of {@code kind} from a {@code source} of that class (any detail when
     * {@code detail} is negative); events before it are passed over.
     */
    DebugEvent await(int kind, int detail, Class<?> source) {
        return await(kind, detail, source::isInstance, "a " + source.getSimpleName());
    }

    /**
     * Waits for an event of {@code kind} from {@code element} itself: a late event of an earlier
     * test's process or target does not count.
     */
    DebugEvent await(int kind, int detail, Object element) {
        return await(kind, detail, s -> s == element, element.toString());
    }

    private DebugEvent await(int kind, int detail, java.util.function.Predicate<Object> source, String from) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        try {
            while (true) {
                DebugEvent e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    fail("no " + describe(kind, detail) + " from " + from + " in " + TIMEOUT_S + " s; saw " + seen);
                }
                seen.add(e);
                if (e.getKind() == kind && (detail < 0 || e.getDetail() == detail) && source.test(e.getSource())) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(int kind, int detail) {
        return "event kind " + kind + (detail < 0 ? "" : " detail " + detail);
    }

    @Override
    public void close() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
    }
}
