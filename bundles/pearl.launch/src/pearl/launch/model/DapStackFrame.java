package pearl.launch.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;

/**
 * A frame of the adapter's stack: a Lua function's, or (at the bottom, for Pearl) the frame that
 * names the task the code runs in. Its variables are the adapter's scopes (Locals, Upvalues,
 * Globals, Board), each a variable whose children are fetched when expanded.
 */
public final class DapStackFrame extends DapDebugElement implements IStackFrame {

    private final DapThread thread;
    private final StackFrame frame;
    private final int index;
    private volatile List<IVariable> scopes;

    DapStackFrame(DapThread thread, StackFrame frame, int index) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.frame = frame;
        this.index = index;
    }

    /** The adapter's id of this frame (valid while the board stays stopped). */
    public int id() {
        return frame.getId();
    }

    /** Place in the stack, 0 for the innermost frame. */
    public int index() {
        return index;
    }

    /** The name of the frame's source file as the user knows it ({@code init.lua}), or null. */
    public String getSourceName() {
        Source source = frame.getSource();
        return source == null ? null : source.getName();
    }

    /** The absolute path of the frame's source file, or null when the code has no file (a REPL line). */
    public String getSourcePath() {
        Source source = frame.getSource();
        return source == null ? null : source.getPath();
    }

    /** Whether this is the frame that names the task rather than a Lua function's frame. */
    public boolean isTaskFrame() {
        return frame.getPresentationHint() == StackFramePresentationHint.LABEL;
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        List<IVariable> known = scopes;
        if (known == null) {
            ScopesArguments args = new ScopesArguments();
            args.setFrameId(frame.getId());
            List<IVariable> fetched = new ArrayList<>();
            for (Scope scope : answer(dap().server().scopes(args)).getScopes()) {
                fetched.add(new DapVariable(dap(), scope.getName(), "", null, scope.getVariablesReference()));
            }
            scopes = known = fetched;
        }
        return known.toArray(IVariable[]::new);
    }

    /** Drops the scopes fetched, so the next look asks the adapter again. */
    void forgetVariables() {
        scopes = null;
    }

    @Override
    public boolean hasVariables() throws DebugException {
        return thread.isSuspended();
    }

    /**
     * Evaluates a Lua expression in this frame (its locals and upvalues in sight), as the
     * Expressions view and hovers do.
     *
     * @throws DebugException with the Lua error when the expression fails
     */
    public IValue evaluate(String expression, String context) throws DebugException {
        EvaluateResponse response = answer(dap().evaluate(frame.getId(), expression, context));
        return new DapValue(dap(), response.getResult(), response.getType(), response.getVariablesReference());
    }

    @Override
    public int getLineNumber() throws DebugException {
        return frame.getLine() > 0 ? frame.getLine() : -1;
    }

    @Override
    public int getCharStart() throws DebugException {
        return -1;
    }

    @Override
    public int getCharEnd() throws DebugException {
        return -1;
    }

    @Override
    public String getName() throws DebugException {
        return frame.getName();
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() throws DebugException {
        return new IRegisterGroup[0];
    }

    @Override
    public boolean hasRegisterGroups() throws DebugException {
        return false;
    }

    // ------------------------------------------------------------------ the thread's actions

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return thread.isStepping();
    }

    @Override
    public void stepInto() throws DebugException {
        thread.stepInto();
    }

    @Override
    public void stepOver() throws DebugException {
        thread.stepOver();
    }

    @Override
    public void stepReturn() throws DebugException {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return thread.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        thread.resume();
    }

    @Override
    public void suspend() throws DebugException {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        thread.terminate();
    }
}
