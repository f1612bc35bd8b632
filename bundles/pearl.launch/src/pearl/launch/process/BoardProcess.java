package pearl.launch.process;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;

import pearl.launch.PearlLaunching;

/**
 * A board as the process of a launch: what the console shows and what the Debug view lists. The
 * board is not an operating-system process; subclasses say how it runs and how it is ended.
 */
public abstract class BoardProcess extends PlatformObject implements IProcess {

    private final ILaunch launch;
    private final String label;
    private final ConsoleStreams streams;
    private final Map<String, String> attributes = new HashMap<>();
    private volatile boolean terminated;
    private volatile int exitValue;

    /** A process of {@code launch} named {@code label}, its console input going to {@code input}. */
    protected BoardProcess(ILaunch launch, String label, java.util.function.Consumer<String> input) {
        this.launch = launch;
        this.label = label;
        this.streams = new ConsoleStreams(input);
        attributes.put(IProcess.ATTR_PROCESS_TYPE, "pearl.board");
    }

    /** The console's streams, for the code that feeds them. */
    public ConsoleStreams streams() {
        return streams;
    }

    /** The board's run is over with {@code exit} (0, or 3 for a reboot loop); tells the launch. */
    public void ended(int exit) {
        if (terminated) {
            return;
        }
        exitValue = exit;
        terminated = true;
        fire(DebugEvent.TERMINATE);
    }

    /** Tells listeners the process exists; call once it was added to its launch. */
    protected void announce() {
        fire(DebugEvent.CREATE);
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() throws DebugException {
        if (!terminated) {
            throw new DebugException(new Status(IStatus.ERROR, PearlLaunching.PLUGIN_ID, DebugException.TARGET_REQUEST_FAILED,
                    "the board is still running", null));
        }
        return exitValue;
    }

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter.equals(IProcess.class)) {
            return adapter.cast(this);
        }
        if (adapter.equals(ILaunch.class)) {
            return adapter.cast(launch);
        }
        return super.getAdapter(adapter);
    }
}
