package pearl.debug;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.lsp4j.debug.Variable;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The expandable things of one stop (scopes, tables, the board's parts), by the reference number
 * the client asks for their children with. Made anew at every stop; children are computed only
 * when asked, on the board's thread.
 */
final class VariableStore {

    /** Shown at most per table; the rest is summarised. */
    static final int MAX_CHILDREN = 500;

    private final List<Supplier<List<Variable>>> containers = new ArrayList<>();

    /** Registers {@code children} and returns its reference (1 and up). */
    int add(Supplier<List<Variable>> children) {
        containers.add(children);
        return containers.size();
    }

    /** The children of {@code reference}, or null for an unknown reference. */
    List<Variable> children(int reference) {
        if (reference < 1 || reference > containers.size()) {
            return null;
        }
        return containers.get(reference - 1).get();
    }

    /** A variable for {@code value}; a table gets a reference to expand it lazily. */
    Variable variable(String name, LuaValue value) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(ValueText.display(value));
        v.setType(ValueText.type(value));
        if (value.istable() || value.isuserdata() && value.getmetatable() != null) {
            v.setVariablesReference(add(() -> entries(value)));
            if (value instanceof LuaTable t) {
                v.setIndexedVariables(t.length());
            }
        }
        return v;
    }

    /** A variable that is a group of others (a section of the board scope). */
    Variable group(String name, String summary, Supplier<List<Variable>> children) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(summary);
        v.setVariablesReference(add(children));
        return v;
    }

    /** A plain line of text. */
    static Variable text(String name, String value) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(value);
        return v;
    }

    /** A table's entries (array part first, then keys by name) and its metatable. */
    private List<Variable> entries(LuaValue value) {
        List<Variable> result = new ArrayList<>();
        if (value instanceof LuaTable table) {
            List<LuaValue[]> pairs = new ArrayList<>();
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs next = table.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    break;
                }
                pairs.add(new LuaValue[] { k, next.arg(2) });
            }
            pairs.sort(Comparator.<LuaValue[]>comparingInt(p -> p[0].type() == LuaValue.TNUMBER ? 0 : p[0].isstring() ? 1 : 2)
                    .thenComparing((a, b) -> a[0].type() == LuaValue.TNUMBER && b[0].type() == LuaValue.TNUMBER
                            ? Double.compare(a[0].todouble(), b[0].todouble())
                            : ValueText.plain(a[0]).compareTo(ValueText.plain(b[0]))));
            for (LuaValue[] pair : pairs) {
                if (result.size() == MAX_CHILDREN) {
                    result.add(text("...", (pairs.size() - MAX_CHILDREN) + " more entries"));
                    break;
                }
                LuaValue key = pair[0];
                String name = key.type() == LuaValue.TNUMBER ? "[" + ValueText.plain(key) + "]"
                        : key.isstring() ? ValueText.plain(key) : "[" + ValueText.display(key) + "]";
                result.add(variable(name, pair[1]));
            }
        }
        LuaValue meta = value.getmetatable();
        if (meta != null) {
            result.add(variable("[metatable]", meta));
        }
        return result;
    }
}
