package pearl.launch.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/**
 * A value as the adapter shows it: its text, and for tables, functions and scopes a reference
 * whose children are fetched the first time they are asked for.
 */
public final class DapValue extends DapDebugElement implements IValue {

    private final String text;
    private final String type;
    private final int reference;
    private volatile List<IVariable> children;

    DapValue(DapDebugTarget target, String text, String type, Integer reference) {
        super(target);
        this.text = text == null ? "" : text;
        this.type = type;
        this.reference = reference == null ? 0 : reference;
    }

    @Override
    public String getReferenceTypeName() throws DebugException {
        return type == null ? "" : type;
    }

    @Override
    public String getValueString() throws DebugException {
        return text;
    }

    @Override
    public boolean isAllocated() throws DebugException {
        return true;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        if (reference <= 0) {
            return new IVariable[0];
        }
        List<IVariable> known = children;
        if (known == null) {
            VariablesArguments args = new VariablesArguments();
            args.setVariablesReference(reference);
            List<IVariable> fetched = new ArrayList<>();
            for (Variable v : answer(dap().server().variables(args)).getVariables()) {
                fetched.add(new DapVariable(dap(), v.getName(), v.getValue(), v.getType(), v.getVariablesReference()));
            }
            children = known = fetched;
        }
        return known.toArray(IVariable[]::new);
    }

    @Override
    public boolean hasVariables() throws DebugException {
        return reference > 0;
    }
}
