package pearl.lua.ide.highlighting;

import java.util.EnumSet;
import java.util.Optional;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.LookupResult;

/** How a firmware name is highlighted, from what the data file says it is. */
final class FirmwareTokens {

	private FirmwareTokens() {
	}

	/**
	 * The token of a name that looks up to {@code result} on the board; empty when the board has
	 * nothing there (an unknown member, an API the build lacks), so it is the script's own name.
	 */
	static Optional<Token> of(LookupResult result, FirmwareModel firmware) {
		if (result instanceof LookupResult.Function function) {
			return Optional.of(function.function().deprecated().isPresent() ? Token.of(TokenType.FIRMWARE_FUNCTION, TokenModifier.DEPRECATED)
					: Token.of(TokenType.FIRMWARE_FUNCTION));
		}
		if (result instanceof LookupResult.Removed) {
			// gone from the firmware, yet still the firmware's name: shown struck out, not as the script's own
			return Optional.of(Token.of(TokenType.FIRMWARE_FUNCTION, TokenModifier.DEPRECATED));
		}
		if (result instanceof LookupResult.Constant) {
			return Optional.of(Token.of(TokenType.FIRMWARE_CONSTANT));
		}
		if (result instanceof LookupResult.Field field) {
			boolean table = "table".equals(field.field().type());
			return Optional.of(new Token(table ? TokenType.FIRMWARE_MODULE : TokenType.FIRMWARE_CONSTANT, readOnly(field.field().rom())));
		}
		if (result instanceof LookupResult.Table) {
			return Optional.of(new Token(TokenType.FIRMWARE_MODULE, readOnly(firmware.isRomTable(result.path()))));
		}
		if (result instanceof LookupResult.Undescribed && firmware.isRomTable(result.path())) {
			// a module in the build whose members the data file does not list (`dht`); its members stay plain fields
			return Optional.of(Token.of(TokenType.FIRMWARE_MODULE, TokenModifier.READONLY));
		}
		return Optional.empty();
	}

	private static EnumSet<TokenModifier> readOnly(boolean rom) {
		return rom ? EnumSet.of(TokenModifier.READONLY) : EnumSet.noneOf(TokenModifier.class);
	}
}
