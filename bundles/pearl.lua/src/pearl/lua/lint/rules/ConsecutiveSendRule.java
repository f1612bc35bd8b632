package pearl.lua.lint.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Calls;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.Block;
import pearl.lua.lua.Chunk;
import pearl.lua.lua.FunctionBody;
import pearl.lua.lua.GenericFor;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NumericFor;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.WhileStatement;

/**
 * {@code consecutive-send}: two {@code :send()} on one socket in one task (or a send in a loop)
 * without waiting for its {@code "sent"} event. A send only queues; consecutive sends are "not
 * guaranteed to work" and stack up buffers in scarce RAM.
 */
public final class ConsecutiveSendRule extends BasicRule {

	public ConsecutiveSendRule() {
		super("consecutive-send", Severity.WARNING, "several sends on one socket in one callback, without waiting for 'sent'");
	}

	@Override
	public void check(LintContext context) {
		check(context, context.chunk());
		for (EObject element : context.elements()) {
			if (element instanceof FunctionBody function) {
				check(context, function);
			}
		}
	}

	private void check(LintContext context, EObject function) {
		Map<Object, Integer> sends = new HashMap<>();
		List<EObject> body = Calls.sameFunction(function);
		for (EObject object : body) {
			if (!(object instanceof MethodCall call) || !"send".equals(call.getName()) || !mayBeTcpSocket(context, call)) {
				continue;
			}
			Object socket = Calls.receiverKey(context, call);
			if (socket == null) {
				continue;
			}
			int count = sends.merge(socket, 1, Integer::sum);
			if (count > 1) {
				context.report(this, call, null, "another send on the same socket in this callback: the previous one has not gone out "
						+ "yet; send the next piece from the socket's 'sent' callback");
			} else if (inLoop(call, function)) {
				context.report(this, call, null, "send in a loop: each one only queues the data; send the next piece from the socket's "
						+ "'sent' callback");
			}
		}
	}

	/** UDP sends are independent datagrams; any other known type is not a socket. */
	private static boolean mayBeTcpSocket(LintContext context, MethodCall call) {
		return context.objectTypeOf(call.getReceiver()).map(type -> type.name().equals("net.tcpsocket")).orElse(true);
	}

	private static boolean inLoop(EObject call, EObject function) {
		for (EObject o = call.eContainer(); o != null && o != function && !(o instanceof Chunk); o = o.eContainer()) {
			if (o instanceof Block && (o.eContainer() instanceof WhileStatement || o.eContainer() instanceof RepeatStatement
					|| o.eContainer() instanceof NumericFor || o.eContainer() instanceof GenericFor)) {
				return true;
			}
		}
		return false;
	}
}
