package pearl.ui.debug;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

import pearl.launch.breakpoints.LuaLineBreakpoint;
import pearl.lua.ui.LuaEditor;

/**
 * Toggles a Lua line breakpoint on the line of the Lua editor's selection: the ruler's double-click
 * and context menu, Run > Toggle Breakpoint and Ctrl+Shift+B all come here.
 */
final class LuaBreakpointToggler implements IToggleBreakpointsTarget {

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        IFile file = fileOf(part);
        if (file == null || !(selection instanceof ITextSelection text)) {
            return;
        }
        int line = text.getStartLine() + 1;
        LuaLineBreakpoint there = LuaLineBreakpoint.find(file, line);
        if (there != null) {
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoint(there, true);
        } else {
            LuaLineBreakpoint.create(file, line);
        }
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return fileOf(part) != null && selection instanceof ITextSelection;
    }

    /** The workspace file of a Lua editor, or null for any other part (or a file outside the workspace). */
    private static IFile fileOf(IWorkbenchPart part) {
        return part instanceof LuaEditor editor ? editor.getEditorInput().getAdapter(IFile.class) : null;
    }

    // Lua has no method breakpoints or watchpoints in the adapter

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }
}
