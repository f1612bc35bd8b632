package pearl.lua.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lua.FunctionBody;

/**
 * A local variable of a Lua chunk: declared by {@code local}, a {@code local function}, a
 * parameter, a {@code for} variable or the implicit {@code self} of a method.
 */
public final class LocalVariable {

	/** How the variable came to be. */
	public enum Kind {
		LOCAL, LOCAL_FUNCTION, PARAMETER, FOR_VARIABLE, SELF
	}

	private final String name;
	private final Kind kind;
	private final EObject declaration;
	private final FunctionBody function;
	private final LocalVariable shadowed;
	private final List<NameUse> uses = new ArrayList<>();
	private boolean captured;

	LocalVariable(String name, Kind kind, EObject declaration, FunctionBody function, LocalVariable shadowed) {
		this.name = name;
		this.kind = kind;
		this.declaration = declaration;
		this.function = function;
		this.shadowed = shadowed;
	}

	/** The variable's name. */
	public String name() {
		return name;
	}

	/** Whether it is a plain local, a parameter, a loop variable... */
	public Kind kind() {
		return kind;
	}

	/**
	 * The syntax element that declares it: a {@code LocalName}, a {@code Parameter}, a
	 * {@code LocalFunctionDeclaration}, or for {@code self} the method's {@code FunctionDeclaration}.
	 */
	public EObject declaration() {
		return declaration;
	}

	/** The function it is local to, or null for the main chunk. */
	public FunctionBody function() {
		return function;
	}

	/** The visible local of the same name that this one hides from its scope on, or null. */
	public LocalVariable shadowed() {
		return shadowed;
	}

	/** Every read and write of the variable, in source order. */
	public List<NameUse> uses() {
		return Collections.unmodifiableList(uses);
	}

	/** Whether a nested function uses it, making it an upvalue that lives as long as that closure. */
	public boolean isCaptured() {
		return captured;
	}

	/** Whether any use reads the variable's value. */
	public boolean isRead() {
		return uses.stream().anyMatch(u -> u.access() == NameUse.Access.READ);
	}

	void addUse(NameUse use) {
		uses.add(use);
		if (use.function() != function) {
			captured = true;
		}
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase() + " " + name;
	}
}
