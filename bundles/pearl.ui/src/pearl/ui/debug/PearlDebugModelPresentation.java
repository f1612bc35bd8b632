package pearl.ui.debug;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.part.FileEditorInput;

import pearl.launch.breakpoints.LuaExceptionBreakpoint;
import pearl.launch.breakpoints.LuaLineBreakpoint;
import pearl.launch.model.DapStackFrame;
import pearl.launch.model.DapThread;
import pearl.lua.ui.LuaEditor;

/**
 * How the debug views show Pearl's debug model: the board's thread with why it stopped, Lua frames
 * as {@code function [file:line]} over the frame naming the task, breakpoints with their condition;
 * and which editor shows a frame's file (the Lua editor). Images are the debug platform's own.
 */
public final class PearlDebugModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public void setAttribute(String attribute, Object value) {
        // types are shown by the adapter's values already
    }

    @Override
    public Image getImage(Object element) {
        return null; // the platform's images for threads, frames, variables and breakpoints
    }

    @Override
    public String getText(Object element) {
        try {
            if (element instanceof DapThread thread) {
                return threadText(thread);
            }
            if (element instanceof DapStackFrame frame) {
                return frameText(frame);
            }
            if (element instanceof LuaLineBreakpoint breakpoint) {
                return breakpointText(breakpoint);
            }
            if (element instanceof LuaExceptionBreakpoint exception) {
                return "NodeMCU: " + exception.getLabel();
            }
        } catch (DebugException e) {
            return e.getMessage();
        }
        return null; // the platform's text: targets by name, variables as name = value
    }

    private static String threadText(DapThread thread) throws DebugException {
        if (thread.isTerminated()) {
            return thread.getName() + " (terminated)";
        }
        if (!thread.isSuspended()) {
            return thread.getName() + (thread.isStepping() ? " (Stepping)" : " (Running)");
        }
        // the adapter's words ("Paused on breakpoint", an error's message) say more than the bare reason
        String why = thread.stopText() != null ? thread.stopText() : thread.stopReason();
        return thread.getName() + (why == null ? " (Suspended)" : " (Suspended: " + why + ")");
    }

    private static String frameText(DapStackFrame frame) throws DebugException {
        if (frame.isTaskFrame() || frame.getSourceName() == null) {
            return frame.getName();
        }
        return frame.getName() + " [" + frame.getSourceName() + ":" + frame.getLineNumber() + "]";
    }

    private static String breakpointText(LuaLineBreakpoint breakpoint) {
        IMarker marker = breakpoint.getMarker();
        if (marker == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(marker.getResource().getName()).append(" [line: ")
                .append(marker.getAttribute(IMarker.LINE_NUMBER, -1)).append(']');
        if (breakpoint.getCondition() != null) {
            text.append(" if ").append(breakpoint.getCondition());
        }
        if (breakpoint.getHitCondition() != null) {
            text.append(" hit ").append(breakpoint.getHitCondition());
        }
        if (breakpoint.getProblem() != null) {
            text.append(" (not set: ").append(breakpoint.getProblem()).append(')');
        }
        return text.toString();
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        String detail;
        try {
            detail = value.getValueString();
        } catch (DebugException e) {
            detail = e.getMessage();
        }
        listener.detailComputed(value, detail);
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof IFile file) {
            return new FileEditorInput(file);
        }
        if (element instanceof IBreakpoint breakpoint && breakpoint.getMarker() != null
                && breakpoint.getMarker().getResource() instanceof IFile file) {
            return new FileEditorInput(file);
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        if (input instanceof FileEditorInput file && !"lua".equals(file.getFile().getFileExtension())) {
            return EditorsUI.DEFAULT_TEXT_EDITOR_ID; // init.lua may run other files: plain text for those
        }
        return LuaEditor.ID;
    }
}
