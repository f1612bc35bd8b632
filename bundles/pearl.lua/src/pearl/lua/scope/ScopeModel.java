package pearl.lua.scope;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

/**
 * Where every name of a chunk points: each use bound to its local or to a global, each local
 * with its uses. Computed by {@link ScopeAnalysis}; serves the linter now and completion,
 * hover and the debugger later.
 */
public final class ScopeModel {

	private final List<LocalVariable> locals;
	private final List<NameUse> uses;
	private final Map<EObject, NameUse> useByOwner;
	private final Map<EObject, LocalVariable> localByDeclaration;

	private final LimitViolation limitViolation;

	ScopeModel(List<LocalVariable> locals, List<NameUse> uses, LimitViolation limitViolation) {
		this.limitViolation = limitViolation;
		this.locals = List.copyOf(locals);
		this.uses = List.copyOf(uses);
		this.useByOwner = new IdentityHashMap<>();
		for (NameUse use : uses) {
			useByOwner.putIfAbsent(use.owner(), use);
		}
		this.localByDeclaration = new IdentityHashMap<>();
		for (LocalVariable local : locals) {
			localByDeclaration.putIfAbsent(local.declaration(), local);
		}
	}

	/** The first place the chunk goes over Lua 5.1's limit of active locals in a function, or null. */
	public LimitViolation limitViolation() {
		return limitViolation;
	}

	/** Every local in declaration order. */
	public List<LocalVariable> locals() {
		return locals;
	}

	/** Every use of a name as a variable, in source order. */
	public List<NameUse> uses() {
		return uses;
	}

	/** The uses of globals, in source order. */
	public List<NameUse> globalUses() {
		return uses.stream().filter(NameUse::isGlobal).toList();
	}

	/** The use held by {@code owner} (a {@code NameReference}, or a {@code FunctionName}), or null. */
	public NameUse useOf(EObject owner) {
		return useByOwner.get(owner);
	}

	/** The local declared by {@code declaration}, or null. */
	public LocalVariable localDeclaredBy(EObject declaration) {
		return localByDeclaration.get(declaration);
	}

	/** Locals that a function reaches from outside itself (its upvalues). */
	public List<LocalVariable> upvaluesOf(pearl.lua.lua.FunctionBody function) {
		return Collections.unmodifiableList(uses.stream()
				.filter(u -> u.local() != null && u.function() != u.local().function() && encloses(function, u.function()))
				.map(NameUse::local).filter(l -> !encloses(function, l.function())).distinct().toList());
	}

	/** Whether {@code outer} is {@code inner} or contains it (null stands for the main chunk). */
	private static boolean encloses(EObject outer, EObject inner) {
		if (outer == null) {
			return true;
		}
		for (EObject o = inner; o != null; o = o.eContainer()) {
			if (o == outer) {
				return true;
			}
		}
		return false;
	}
}
