package pearl.launch.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A variable of the adapter (or a scope, shown as a variable whose children are the scope's). */
public final class DapVariable extends DapDebugElement implements IVariable {

    private final String name;
    private final DapValue value;

    DapVariable(DapDebugTarget target, String name, String value, String type, Integer reference) {
        super(target);
        this.name = name;
        this.value = new DapValue(target, value, type, reference);
    }

    @Override
    public IValue getValue() throws DebugException {
        return value;
    }

    @Override
    public String getName() throws DebugException {
        return name;
    }

    @Override
    public String getReferenceTypeName() throws DebugException {
        return value.getReferenceTypeName();
    }

    @Override
    public boolean hasValueChanged() throws DebugException {
        return false;
    }

    // values are read-only: the adapter has no setVariable

    @Override
    public void setValue(String expression) throws DebugException {
        throw failure("the Lua debugger cannot change variables", null);
    }

    @Override
    public void setValue(IValue newValue) throws DebugException {
        throw failure("the Lua debugger cannot change variables", null);
    }

    @Override
    public boolean supportsValueModification() {
        return false;
    }

    @Override
    public boolean verifyValue(String expression) throws DebugException {
        return false;
    }

    @Override
    public boolean verifyValue(IValue newValue) throws DebugException {
        return false;
    }
}
