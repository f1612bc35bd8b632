package pearl.lua.lint.rules;

import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Calls;
import pearl.lua.lint.Expressions;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.BooleanLiteral;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.RepeatStatement;
import pearl.lua.lua.WhileStatement;

/**
 * {@code blocking-call}: code that holds the processor while the SDK waits: {@code tmr.delay}
 * beyond {@value #LONGEST_DELAY_US} µs, {@code tmr.wdclr()}, and loops that poll
 * {@code tmr.now()} or {@code gpio.read()} until something changes. Tasks run to completion:
 * nothing else (WiFi, timers, sockets) runs meanwhile, the SDK asks for tasks under a few
 * milliseconds, and after about 500 ms the watchdog resets the chip.
 */
public final class BlockingCallRule extends BasicRule {

	/** The SDK asks medium-priority tasks to stay under 2 ms; a 1 ms busy wait is already half of it. */
	static final int LONGEST_DELAY_US = 1000;

	/** Calls whose value a poll loop waits on to change. */
	private static final Set<String> POLLED = Set.of("tmr.now", "gpio.read", "tmr.time", "node.uptime", "adc.read");

	public BlockingCallRule() {
		super("blocking-call", Severity.WARNING, "busy waiting that blocks the SDK: long tmr.delay, tmr.wdclr, poll loops");
	}

	@Override
	public void check(LintContext context) {
		for (EObject object : context.elements()) {
			if (object instanceof FunctionCall call) {
				Optional<String> path = Expressions.staticPath(call.getFunction(), context.scopes());
				if (path.equals(Optional.of("tmr.delay")) && call.getArguments() != null && !call.getArguments().getValues().isEmpty()) {
					Expressions.number(call.getArguments().getValues().get(0)).filter(us -> us > LONGEST_DELAY_US).ifPresent(us -> context
							.report(this, call, "tmr.delay", "tmr.delay(" + us.longValue() + ") busy-waits " + us.longValue() / 1000.0
									+ " ms: nothing else runs meanwhile; use a timer (tmr.create():alarm(ms, tmr.ALARM_SINGLE, fn))"));
				} else if (path.equals(Optional.of("tmr.wdclr"))) {
					context.report(this, call, "tmr.wdclr", "tmr.wdclr() keeps the watchdog from catching a task that runs too long; "
							+ "split the work into tasks (node.task.post) or timer callbacks instead");
				}
			} else if (object instanceof WhileStatement loop
					&& (polls(context, loop.getCondition()) || loop.getCondition() instanceof BooleanLiteral always && always.isValue()
							&& polls(context, loop.getBlock()))
					|| object instanceof RepeatStatement repeat && (polls(context, repeat.getCondition()) || polls(context, repeat.getBlock()))) {
				context.report(this, object, null, "this loop waits by polling: the SDK, WiFi and the other callbacks cannot run until "
						+ "it ends, and after 500 ms the watchdog resets the board; react to an event instead (a timer, gpio.trig)");
			}
		}
	}

	/** Whether {@code part} (a loop's condition or body) calls something whose value a poll waits on. */
	private static boolean polls(LintContext context, EObject part) {
		if (part == null) {
			return false;
		}
		for (EObject object : Calls.sameFunction(part)) {
			if (object instanceof FunctionCall call
					&& Expressions.staticPath(call.getFunction(), context.scopes()).filter(POLLED::contains).isPresent()) {
				return true;
			}
		}
		return false;
	}
}
