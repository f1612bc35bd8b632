package pearl.ui.debug;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;

/**
 * What debugging adds to the Lua editor, as adapters: the editor's bundle knows nothing of
 * debugging, the debug platform asks the editor for these.
 */
public final class LuaEditorDebugAdapters implements IAdapterFactory {

    private static final IToggleBreakpointsTarget TOGGLER = new LuaBreakpointToggler();

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (IToggleBreakpointsTarget.class.equals(type)) {
            return type.cast(TOGGLER);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IToggleBreakpointsTarget.class };
    }
}
