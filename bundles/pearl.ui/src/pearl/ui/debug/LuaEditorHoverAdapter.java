package pearl.ui.debug;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.jface.text.ITextHover;

import pearl.lua.ui.LuaEditor;

/**
 * The hover debugging adds to the Lua editor's (the value of the name under the mouse in the
 * stopped frame), as an adapter the editor asks for. Apart from the toggler's factory so that a
 * hover with no debugging going on loads none of the debug UI.
 */
public final class LuaEditorHoverAdapter implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        return ITextHover.class.equals(type) && adaptable instanceof LuaEditor editor ? type.cast(new LuaDebugHover(editor)) : null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { ITextHover.class };
    }
}
