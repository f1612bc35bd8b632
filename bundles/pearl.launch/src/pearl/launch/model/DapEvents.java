package pearl.launch.model;

import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * The adapter's events, handed to the target's elements. They come on the connection's message
 * thread, which must never wait here for an answer to a request: it is the thread that reads it.
 */
final class DapEvents implements IDebugProtocolClient {

    private final DapDebugTarget target;

    DapEvents(DapDebugTarget target) {
        this.target = target;
    }

    @Override
    public void initialized() {
        target.onInitialized();
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        DapThread thread = target.getBoardThread();
        if (thread != null) {
            thread.onStopped(args);
        }
    }

    @Override
    public void continued(ContinuedEventArguments args) {
        DapThread thread = target.getBoardThread();
        if (thread != null) {
            thread.onContinued();
        }
    }

    @Override
    public void output(OutputEventArguments args) {
        target.onOutput(args.getCategory(), args.getOutput());
    }

    @Override
    public void exited(ExitedEventArguments args) {
        target.onExited(args.getExitCode());
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        target.onTerminated();
    }
}
