package pearl.lua.scope;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import pearl.lua.lua.FunctionBody;

/**
 * One occurrence of a name as a variable: read or written, bound to a local or, when no local
 * of that name is visible, to a global.
 *
 * @param name     the name
 * @param access   read or write
 * @param owner    the syntax element holding the name (a {@code NameReference}, or the
 *                 {@code FunctionName} of {@code function f()})
 * @param feature  the attribute of {@code owner} that holds it
 * @param index    the position in that attribute when it is a list, else -1
 * @param local    the local it refers to, or null for a global
 * @param function the function in which the use occurs, or null for the main chunk
 */
public record NameUse(String name, Access access, EObject owner, EStructuralFeature feature, int index, LocalVariable local,
		FunctionBody function) {

	/** Reading the variable or assigning it. */
	public enum Access {
		READ, WRITE
	}

	/** Whether it names a global (no local of that name is visible here). */
	public boolean isGlobal() {
		return local == null;
	}
}
