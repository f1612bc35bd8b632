package pearl.ui.debug;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextHover;

import pearl.lua.ui.LuaEditor;

/**
 * What debugging adds to the Lua editor, as adapters: the editor's bundle knows nothing of
 * debugging; the debug platform asks the editor for its breakpoint toggler, the editor's hover for
 * a hover to add (the value of the name under the mouse in the stopped frame).
 */
public final class LuaEditorDebugAdapters implements IAdapterFactory {

    private static final IToggleBreakpointsTarget TOGGLER = new LuaBreakpointToggler();

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (IToggleBreakpointsTarget.class.equals(type)) {
            return type.cast(TOGGLER);
        }
        if (ITextHover.class.equals(type) && adaptable instanceof LuaEditor editor) {
            return type.cast(new LuaDebugHover(editor));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IToggleBreakpointsTarget.class, ITextHover.class };
    }
}
