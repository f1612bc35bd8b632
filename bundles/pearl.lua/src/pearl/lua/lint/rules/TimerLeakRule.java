package pearl.lua.lint.rules;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.Calls;
import pearl.lua.lint.Expressions;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.Severity;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.FunctionCall;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NameReference;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;

/**
 * {@code timer-leak}: a {@code tmr.create()} timer set to {@code ALARM_AUTO} that no code ever
 * stops or unregisters (not through its variable, not through its callback's timer argument),
 * or a timer kept in a global. A running timer is anchored in the registry: it and everything
 * its callback reaches stay in RAM for good.
 */
public final class TimerLeakRule extends BasicRule {

	private static final Set<String> ARMING = Set.of("alarm", "register");
	private static final Set<String> STOPPING = Set.of("stop", "unregister");
	/** tmr.ALARM_AUTO's value. */
	private static final double ALARM_AUTO = 1;

	public TimerLeakRule() {
		super("timer-leak", Severity.WARNING, "an ALARM_AUTO timer that is never stopped, or a timer kept in a global");
	}

	@Override
	public void check(LintContext context) {
		Stops stops = null;
		for (EObject object : context.elements()) {
			if (object instanceof MethodCall call && ARMING.contains(call.getName()) && isAuto(context, call)
					&& isTimer(context, call.getReceiver())) {
				if (stops == null) {
					stops = Stops.of(context); // once per file: a file may arm many timers
				}
				if (stops.stop(context, call)) {
					continue;
				}
				context.report(this, call, call.getName(), "this ALARM_AUTO timer is never stopped or unregistered: it fires until "
						+ "the board reboots and keeps its callback, and all it reaches, in RAM; call unregister() on it when done");
			}
			if (object instanceof FunctionCall call && isCreate(context, call) && call.eContainer() instanceof Assignment assignment) {
				int index = assignment.getValues().indexOf(call);
				if (index >= 0 && index < assignment.getTargets().size() && assignment.getTargets().get(index) instanceof NameReference target
						&& context.scopes().useOf(target) != null && context.scopes().useOf(target).isGlobal()) {
					context.report(this, target, target.getName(), "timer kept in the global '" + target.getName()
							+ "': it can never be collected; keep it in a local and unregister() it when done");
				}
			}
		}
	}

	private static boolean isCreate(LintContext context, FunctionCall call) {
		return Optional.of("tmr.create").equals(Expressions.staticPath(call.getFunction(), context.scopes()));
	}

	private static boolean isTimer(LintContext context, EObject receiver) {
		return context.objectTypeOf(receiver).map(type -> type.name().equals("tmr.timer")).orElse(false);
	}

	/** The mode argument (the second) is tmr.ALARM_AUTO or 1. */
	private static boolean isAuto(LintContext context, MethodCall call) {
		if (call.getArguments() == null || call.getArguments().getValues().size() < 2) {
			return false;
		}
		EObject mode = call.getArguments().getValues().get(1);
		return Optional.of("tmr.ALARM_AUTO").equals(Expressions.staticPath(mode, context.scopes()))
				|| Optional.of(ALARM_AUTO).equals(Expressions.number(mode));
	}

	/** Whether anything stops the timer: its variable, or the callback through its timer argument. */
	/** The variables and globals that some {@code :stop()}/{@code :unregister()} in the file is called on. */
	private record Stops(Set<LocalVariable> locals, Set<String> globals) {

		static Stops of(LintContext context) {
			Set<LocalVariable> locals = new HashSet<>();
			Set<String> globals = new HashSet<>();
			for (EObject element : context.elements()) {
				if (element instanceof MethodCall call && STOPPING.contains(call.getName()) && call.getReceiver() instanceof NameReference name) {
					NameUse use = context.scopes().useOf(name);
					if (use != null && use.isGlobal()) {
						globals.add(use.name());
					} else if (use != null) {
						locals.add(use.local());
					}
				}
			}
			return new Stops(locals, globals);
		}

		/** Whether the timer armed by {@code arming} (through its variable, or its callback's timer parameter) is stopped somewhere. */
		boolean stop(LintContext context, MethodCall arming) {
			LocalVariable variable = Calls.receiverLocal(context, arming);
			if (variable != null && locals.contains(variable)) {
				return true;
			}
			for (EObject argument : arming.getArguments().getValues()) {
				if (argument instanceof FunctionExpression callback && callback.getBody() != null
						&& !callback.getBody().getParameters().isEmpty()
						&& locals.contains(context.scopes().localDeclaredBy(callback.getBody().getParameters().get(0)))) {
					return true;
				}
			}
			return arming.getReceiver() instanceof NameReference name && context.scopes().useOf(name) != null
					&& context.scopes().useOf(name).isGlobal() && globals.contains(name.getName());
		}
	}
}
