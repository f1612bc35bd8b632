package pearl.lua.ide.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;

/**
 * What the language server knows before any file is opened: the firmware the project runs on
 * (narrowed to a board profile when one is given) and the lint rules.
 */
public record LuaServerSettings(FirmwareModel firmware, List<LintRule> rules) {

	/** The default firmware build and every rule. */
	public static LuaServerSettings defaults() {
		return new LuaServerSettings(FirmwareModel.load(), LintRules.all());
	}

	/** The firmware narrowed to the board profile in {@code profile}. */
	public static LuaServerSettings withProfile(Path profile) throws IOException {
		return new LuaServerSettings(FirmwareModel.load().forProfile(BoardProfile.read(profile)), LintRules.all());
	}
}
