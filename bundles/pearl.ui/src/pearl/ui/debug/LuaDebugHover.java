package pearl.ui.debug;

import java.io.File;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.widgets.Display;

import pearl.launch.model.DapDebugTarget;
import pearl.launch.model.DapStackFrame;
import pearl.launch.model.DapThread;
import pearl.lua.ui.LuaEditor;

/**
 * While the board stands in a frame of the editor's file, the hover over a name shows its value
 * there, as the debug adapter evaluates it (the Lua hover's documentation follows below).
 */
final class LuaDebugHover implements ITextHover {

    private final LuaEditor editor;

    LuaDebugHover(LuaEditor editor) {
        this.editor = editor;
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        if (!anyBoardStopped()) {
            return null; // the common case: asked without touching the debug UI
        }
        DapStackFrame frame = selectedFrame();
        if (frame == null || frame.isTaskFrame() || !isOfEditorFile(frame)) {
            return null;
        }
        try {
            String expression = viewer.getDocument().get(region.getOffset(), region.getLength()).trim();
            if (expression.isEmpty()) {
                return null;
            }
            return expression + " = " + frame.evaluate(expression, "hover").getValueString();
        } catch (BadLocationException | DebugException e) {
            return null; // not an expression in this frame: the Lua hover alone
        }
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return null; // the Lua hover finds the name under the mouse
    }

    private static boolean anyBoardStopped() {
        for (IDebugTarget target : DebugPlugin.getDefault().getLaunchManager().getDebugTargets()) {
            if (target instanceof DapDebugTarget board && board.isSuspended()) {
                return true;
            }
        }
        return false;
    }

    /** The frame selected in the Debug view (a thread: its top frame), if the board stands still. */
    private static DapStackFrame selectedFrame() {
        AtomicReference<IAdaptable> context = new AtomicReference<>();
        // hovers are computed off the UI thread; the debug context belongs to it
        Display.getDefault().syncExec(() -> context.set(DebugUITools.getDebugContext()));
        try {
            IStackFrame frame = context.get() instanceof DapThread thread && thread.isSuspended() ? thread.getTopStackFrame()
                    : context.get() instanceof IStackFrame selected ? selected : null;
            return frame instanceof DapStackFrame pearl && pearl.isSuspended() ? pearl : null;
        } catch (DebugException e) {
            return null;
        }
    }

    private boolean isOfEditorFile(DapStackFrame frame) {
        IFile file = editor.getEditorInput().getAdapter(IFile.class);
        return file != null && file.getLocation() != null && frame.getSourcePath() != null
                && file.getLocation().toFile().equals(new File(frame.getSourcePath()));
    }
}
