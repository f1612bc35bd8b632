package pearl.lua.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.FieldAccess;
import pearl.lua.lua.FunctionDeclaration;
import pearl.lua.lua.FunctionName;
import pearl.lua.lua.IndexAccess;
import pearl.lua.lua.NameReference;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeModel;

/** Finds the {@link PathUse}s of a chunk. */
final class PathUses {

	private PathUses() {
	}

	static List<PathUse> of(List<EObject> elements, ScopeModel scopes, FirmwareModel firmware) {
		List<PathUse> uses = new ArrayList<>();
		for (EObject object : elements) {
			if (object instanceof FunctionDeclaration declaration && declaration.getName() != null) {
				declared(declaration.getName(), scopes, firmware).ifPresent(uses::add);
			} else if ((object instanceof NameReference || object instanceof FieldAccess || object instanceof IndexAccess)
					&& !continues(object)) {
				Optional<String> path = Expressions.staticPath(object, scopes);
				if (path.isPresent()) {
					boolean written = object.eContainer() instanceof Assignment assignment && assignment.getTargets().contains(object);
					uses.add(new PathUse(object, path.get(), firmware.lookup(path.get()), written));
				}
			}
		}
		return List.copyOf(uses);
	}

	/** Whether a longer path continues from {@code object} ({@code tmr} in {@code tmr.create}). */
	private static boolean continues(EObject object) {
		EObject container = object.eContainer();
		return container instanceof FieldAccess field && field.getTarget() == object
				|| container instanceof IndexAccess index && index.getTarget() == object;
	}

	/** {@code function a.b.c() end} and {@code function a:m() end} assign a.b.c and a.m. */
	private static Optional<PathUse> declared(FunctionName name, ScopeModel scopes, FirmwareModel firmware) {
		if (name.getPath().isEmpty() || name.getPath().size() == 1 && name.getMethod() == null) {
			return Optional.empty(); // `function f()` sets a variable, which the global rules handle
		}
		NameUse root = scopes.useOf(name);
		if (root == null || !root.isGlobal()) {
			return Optional.empty();
		}
		String path = String.join(".", name.getPath()) + (name.getMethod() != null ? "." + name.getMethod() : "");
		return Optional.of(new PathUse(name, path, firmware.lookup(path), true));
	}
}
