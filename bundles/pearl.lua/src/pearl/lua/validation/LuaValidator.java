package pearl.lua.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * The editor's validation: Lua 5.1's syntax rules that the grammar leaves open (see
 * {@link SyntaxChecks}), reported through Xtext.
 */
public class LuaValidator extends AbstractLuaValidator {

	/** Issue codes of syntax errors start with this. */
	public static final String SYNTAX = SyntaxChecks.SYNTAX;

	@Check
	public void syntax(EObject object) {
		SyntaxChecks.check(object, (target, offset, length, message, code) -> getMessageAcceptor().acceptError(message, target, offset,
				length, code));
	}
}
