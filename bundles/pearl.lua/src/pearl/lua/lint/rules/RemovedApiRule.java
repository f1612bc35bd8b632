package pearl.lua.lint.rules;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.LookupResult;
import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Expressions;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.PathUse;
import pearl.lua.lint.Severity;
import pearl.lua.lua.FunctionCall;

/**
 * {@code removed-api}: calls that old tutorials still show but current firmware no longer has or
 * reads differently: the static timers ({@code tmr.alarm(0, ...)} and the other numeric-id timer
 * calls) and {@code net.createServer(net.TCP, timeout)}, whose first argument is now the timeout.
 */
public final class RemovedApiRule extends BasicRule {

	/** net.TCP's value: old code passes it (or the literal) as createServer's first argument. */
	private static final double NET_TCP = 1;

	public RemovedApiRule() {
		super("removed-api", Severity.ERROR, "a removed or changed firmware call, with its replacement");
	}

	@Override
	public void check(LintContext context) {
		for (PathUse use : context.pathUses()) {
			if (!use.written() && use.result() instanceof LookupResult.Removed removed) {
				context.report(this, use.expression(), use.path(), "'" + use.path() + "' was removed from the firmware: use "
						+ removed.api().replacement() + ". " + removed.api().note());
			}
		}
		for (EObject element : context.elements()) {
			if (element instanceof FunctionCall call && isOldCreateServer(call, context)) {
				context.report(this, call, "net.createServer", "net.createServer(net.TCP, timeout) is the old form: the first "
						+ "argument is now the idle timeout, so this server times out after 1 s; use net.createServer(timeout)");
			}
		}
	}

	/** {@code net.createServer(net.TCP, t)} or {@code net.createServer(1, t)}. */
	static boolean isOldCreateServer(FunctionCall call, LintContext context) {
		if (call.getArguments() == null || call.getArguments().getValues().size() != 2
				|| !Optional.of("net.createServer").equals(Expressions.staticPath(call.getFunction(), context.scopes()))) {
			return false;
		}
		EObject first = call.getArguments().getValues().get(0);
		return Optional.of("net.TCP").equals(Expressions.staticPath(first, context.scopes()))
				|| Optional.of(NET_TCP).equals(Expressions.number(first));
	}
}
