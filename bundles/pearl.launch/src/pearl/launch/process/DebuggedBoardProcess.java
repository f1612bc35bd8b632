package pearl.launch.process;

import java.util.function.Consumer;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;

/**
 * A board run under the debug adapter, as its launch's process: the console is fed by the
 * adapter's output events, typed lines go to the board's REPL through the adapter, and ending it
 * ends the debug session.
 */
public final class DebuggedBoardProcess extends BoardProcess {

    private volatile IDebugTarget target;

    /** A process whose typed lines go to {@code input} (the debug target sends them on). */
    public DebuggedBoardProcess(ILaunch launch, String label, Consumer<String> input) {
        super(launch, label, input);
    }

    /** Adds the process to its launch; {@code session} is what terminating it ends. */
    public void start(IDebugTarget session) {
        this.target = session;
        getLaunch().addProcess(this);
        announce();
    }

    @Override
    public boolean canTerminate() {
        return super.canTerminate() && target != null && target.canTerminate();
    }

    @Override
    public void terminate() throws DebugException {
        IDebugTarget t = target;
        if (t != null) {
            t.terminate();
        } else {
            ended(0);
        }
    }
}
