package pearl.lua.lint;

import java.util.List;

import pearl.lua.lint.rules.ArityRule;
import pearl.lua.lint.rules.BlockingCallRule;
import pearl.lua.lint.rules.CallbackCapturesOwnerRule;
import pearl.lua.lint.rules.ConsecutiveSendRule;
import pearl.lua.lint.rules.GlobalReadRule;
import pearl.lua.lint.rules.GlobalWriteRule;
import pearl.lua.lint.rules.RemovedApiRule;
import pearl.lua.lint.rules.RomWriteRule;
import pearl.lua.lint.rules.ShadowedLocalRule;
import pearl.lua.lint.rules.TimerLeakRule;
import pearl.lua.lint.rules.UnavailableApiRule;
import pearl.lua.lint.rules.UnknownMemberRule;
import pearl.lua.lint.rules.UnusedLocalRule;

/** Every rule Pearl has, in the order their findings are documented. */
public final class LintRules {

	private LintRules() {
	}

	/** A new list of all rules. */
	public static List<LintRule> all() {
		return List.of(new GlobalWriteRule(), new GlobalReadRule(), new RomWriteRule(), new UnavailableApiRule(), new RemovedApiRule(),
				new CallbackCapturesOwnerRule(), new TimerLeakRule(), new BlockingCallRule(), new ConsecutiveSendRule(),
				new UnknownMemberRule(), new ArityRule(), new UnusedLocalRule(), new ShadowedLocalRule());
	}
}
