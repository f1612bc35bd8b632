package pearl.lua.scope;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lua.FunctionBody;

/**
 * A function over one of Lua 5.1's compile-time limits (luac rejects it): the declaration that
 * went over, the function (null for the main chunk), what was counted and the limit.
 */
public record LimitViolation(EObject declaration, FunctionBody function, String what, int limit) {
}
