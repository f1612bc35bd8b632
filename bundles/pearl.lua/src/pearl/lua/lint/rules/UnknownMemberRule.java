package pearl.lua.lint.rules;

import java.util.Collection;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.PathUse;
import pearl.lua.lint.Severity;
import pearl.lua.lua.LuaPackage;
import pearl.lua.lua.MethodCall;

/**
 * {@code unknown-member}: a field or function a firmware module or object does not have
 * ({@code tmr.creat()}, {@code t:strat()} on a timer). On the board it is nil. The message
 * suggests the closest real name.
 */
public final class UnknownMemberRule extends BasicRule {

	public UnknownMemberRule() {
		super("unknown-member", Severity.ERROR, "a field or function that a firmware module or object does not have");
	}

	@Override
	public void check(LintContext context) {
		for (PathUse use : context.pathUses()) {
			if (!use.written() && use.result() instanceof LookupResult.UnknownMember unknown) {
				context.report(this, use.expression(), unknown.member(), "'" + unknown.tablePath() + "' has no member '"
						+ unknown.member() + "'" + suggestion(unknown.member(), unknown.table().memberNames()));
			}
		}
		for (EObject element : context.elements()) {
			if (element instanceof MethodCall call && call.getName() != null) {
				Optional<ObjectType> type = context.objectTypeOf(call.getReceiver());
				if (type.isPresent() && type.get().method(call.getName()).isEmpty()) {
					context.report(this, call, LuaPackage.Literals.METHOD_CALL__NAME, -1, call.getName(), "a " + type.get().name()
							+ " has no method '" + call.getName() + "'" + suggestion(call.getName(), type.get().methods().keySet()));
				}
			}
		}
	}

	/** "; did you mean 'create'?" when a known name is within two edits. */
	static String suggestion(String name, Collection<String> known) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : known) {
			int distance = distance(name.toLowerCase(), candidate.toLowerCase());
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best == null ? "" : "; did you mean '" + best + "'?";
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
