package pearl.ui.debug;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;

/**
 * The Lua editor's breakpoint toggler, as an adapter: the editor's bundle knows nothing of
 * debugging; the debug platform asks the editor for its toggler.
 */
public final class LuaEditorBreakpointAdapter implements IAdapterFactory {

    private static final IToggleBreakpointsTarget TOGGLER = new LuaBreakpointToggler();

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        return IToggleBreakpointsTarget.class.equals(type) ? type.cast(TOGGLER) : null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IToggleBreakpointsTarget.class };
    }
}
