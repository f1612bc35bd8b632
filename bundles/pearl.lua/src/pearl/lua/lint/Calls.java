package pearl.lua.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/** Finding calls in the tree: by function, by path, by receiver. */
public final class Calls {

	private Calls() {
	}

	/** Every element under {@code root} that runs as part of it: nested functions' bodies excluded. */
	public static List<EObject> sameFunction(EObject root) {
		List<EObject> found = new ArrayList<>();
		collect(root, found);
		return found;
	}

	private static void collect(EObject object, List<EObject> found) {
		for (EObject child : object.eContents()) {
			found.add(child);
			if (!(child instanceof FunctionBody)) {
				collect(child, found);
			}
		}
	}

	/** Every function call anywhere in {@code root} whose function is the firmware path {@code path}. */
	public static List<FunctionCall> callsTo(LintContext context, EObject root, String path) {
		List<FunctionCall> calls = new ArrayList<>();
		for (var all = root.eAllContents(); all.hasNext();) {
			if (all.next() instanceof FunctionCall call
					&& Optional.of(path).equals(Expressions.staticPath(call.getFunction(), context.scopes()))) {
				calls.add(call);
			}
		}
		return calls;
	}

	/** The variable a method call's receiver names: its local, or null for a global or anything else. */
	public static LocalVariable receiverLocal(LintContext context, MethodCall call) {
		if (call.getReceiver() instanceof NameReference name) {
			NameUse use = context.scopes().useOf(name);
			return use == null ? null : use.local();
		}
		return null;
	}

	/** A stable key for "the same variable": its local, or the global's name. */
	public static Object receiverKey(LintContext context, MethodCall call) {
		if (call.getReceiver() instanceof NameReference name) {
			NameUse use = context.scopes().useOf(name);
			if (use != null) {
				return use.isGlobal() ? "global " + use.name() : use.local();
			}
		}
		return null;
	}
}
