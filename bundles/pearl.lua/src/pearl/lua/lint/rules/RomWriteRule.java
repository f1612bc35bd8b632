package pearl.lua.lint.rules;

import pearl.lua.lint.BasicRule;
import pearl.lua.lint.LintContext;
import pearl.lua.lint.PathUse;
import pearl.lua.lint.Severity;

/**
 * {@code rom-write}: assigning into a read-only ROM table ({@code string.trim = f},
 * {@code function table.pack() end}, {@code gpio.x = 1}). NodeMCU keeps its libraries and modules
 * in flash, and such a write fails on the board with "table is readonly".
 */
public final class RomWriteRule extends BasicRule {

	public RomWriteRule() {
		super("rom-write", Severity.ERROR, "assigning into a read-only ROM table (a library or firmware module)");
	}

	@Override
	public void check(LintContext context) {
		for (PathUse use : context.pathUses()) {
			int dot = use.path().lastIndexOf('.');
			if (use.written() && dot > 0 && context.firmware().isRomTable(use.path().substring(0, dot))) {
				String table = use.path().substring(0, dot);
				context.report(this, use.expression(), use.path(), "'" + table + "' is a read-only ROM table on NodeMCU: setting '"
						+ use.path() + "' fails with \"table is readonly\"; keep your own table (local M = {}) instead");
			}
		}
	}
}
