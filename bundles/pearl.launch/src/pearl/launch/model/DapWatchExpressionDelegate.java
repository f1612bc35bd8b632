package pearl.launch.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IWatchExpressionDelegate;
import org.eclipse.debug.core.model.IWatchExpressionListener;
import org.eclipse.debug.core.model.IWatchExpressionResult;

/**
 * The Expressions view's evaluator for Pearl's model: the adapter evaluates the expression in the
 * selected frame (or the thread's top frame), on the caller's job thread.
 */
public final class DapWatchExpressionDelegate implements IWatchExpressionDelegate {

    @Override
    public void evaluateExpression(String expression, IDebugElement context, IWatchExpressionListener listener) {
        listener.watchEvaluationFinished(evaluate(expression, context));
    }

    /** The result of {@code expression} in {@code context}'s frame. */
    static IWatchExpressionResult evaluate(String expression, IDebugElement context) {
        try {
            DapStackFrame frame = frameOf(context);
            if (frame == null) {
                return WatchResult.failed(expression, "no stopped Lua frame to evaluate in", null);
            }
            IValue value = frame.evaluate(expression, "watch");
            return WatchResult.of(expression, value);
        } catch (DebugException e) {
            return WatchResult.failed(expression, e.getMessage(), e);
        }
    }

    private static DapStackFrame frameOf(IDebugElement context) throws DebugException {
        if (context instanceof DapStackFrame frame) {
            return frame;
        }
        if (context instanceof IThread thread) {
            IStackFrame top = thread.getTopStackFrame();
            return top instanceof DapStackFrame frame ? frame : null;
        }
        if (context instanceof DapDebugTarget target && target.getBoardThread() != null) {
            return frameOf(target.getBoardThread());
        }
        return null;
    }

    /** What the Expressions view shows: a value or an error message. */
    private record WatchResult(String expression, IValue value, String[] errors, DebugException exception)
            implements IWatchExpressionResult {

        static WatchResult of(String expression, IValue value) {
            return new WatchResult(expression, value, new String[0], null);
        }

        static WatchResult failed(String expression, String message, DebugException exception) {
            return new WatchResult(expression, null, new String[] { message }, exception);
        }

        @Override
        public IValue getValue() {
            return value;
        }

        @Override
        public boolean hasErrors() {
            return errors.length > 0;
        }

        @Override
        public String[] getErrorMessages() {
            return errors;
        }

        @Override
        public String getExpressionText() {
            return expression;
        }

        @Override
        public DebugException getException() {
            return exception;
        }
    }
}
