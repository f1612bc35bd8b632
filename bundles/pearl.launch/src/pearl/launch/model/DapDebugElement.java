package pearl.launch.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import pearl.launch.PearlLaunching;

/** What every element of Pearl's debug model shares: its model, and waiting for the adapter's answers. */
public abstract class DapDebugElement extends DebugElement {

    /** How long a request may take before the adapter is deemed gone. */
    static final long ANSWER_SECONDS = 30;

    /** An element of {@code target}'s model. */
    protected DapDebugElement(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return PearlLaunching.DEBUG_MODEL;
    }

    /** The target as the DAP client it is. */
    protected DapDebugTarget dap() {
        return (DapDebugTarget) getDebugTarget();
    }

    /**
     * The adapter's answer to a request. Never call it on the connection's message thread: that
     * thread is the one that would deliver the answer.
     *
     * @throws DebugException with the adapter's error message, or when no answer came
     */
    static <T> T answer(CompletableFuture<T> request) throws DebugException {
        try {
            return request.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw failure("the debug adapter did not answer in " + ANSWER_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for the debug adapter", e);
        }
    }

    /** A failed request, as Eclipse's debug model reports one. */
    static DebugException failure(String message, Throwable cause) {
        return new DebugException(new Status(IStatus.ERROR, PearlLaunching.PLUGIN_ID, DebugException.TARGET_REQUEST_FAILED,
                message, cause));
    }
}
