package pearl.lua.ide.completion;

import java.util.List;

import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.Parameter;

/** How firmware functions read in a completion list: signatures, docs, and the call to insert. */
final class FirmwareText {

	private FirmwareText() {
	}

	/** {@code tmr.create() -> tmr.timer}: the data file's signature and the result types. */
	static String detail(FirmwareFunction function) {
		return function.signature() + results(function);
	}

	/** For a string method: {@code string:sub(i, [j]) -> string}, without the string itself as a parameter. */
	static String methodDetail(String receiver, FirmwareFunction function) {
		List<Parameter> params = function.params().subList(1, function.params().size());
		StringBuilder text = new StringBuilder(receiver).append(':').append(function.name()).append('(');
		for (int i = 0; i < params.size(); i++) {
			text.append(i > 0 ? ", " : "").append(params.get(i));
		}
		if (function.isVararg()) {
			text.append(params.isEmpty() ? "..." : ", ...");
		}
		return text.append(')').append(results(function)).toString();
	}

	private static String results(FirmwareFunction function) {
		return function.returns().isEmpty() ? "" : " -> " + String.join(", ", function.returns());
	}

	/** The one-line doc, with what to use instead when the function is deprecated. */
	static String documentation(FirmwareFunction function) {
		return function.deprecated().map(instead -> "**Deprecated**: " + instead + ". " + function.doc()).orElse(function.doc());
	}

	/**
	 * The call to insert for {@code name}: a snippet with a placeholder per required parameter,
	 * {@code name()} when it takes nothing, or just the name when a {@code (} already follows.
	 */
	static Insert call(String name, List<Parameter> params, boolean vararg, boolean parenthesisFollows) {
		if (parenthesisFollows) {
			return new Insert(name, false);
		}
		if (params.isEmpty() && !vararg) {
			return new Insert(name + "()", false);
		}
		StringBuilder text = new StringBuilder(escape(name)).append('(');
		int placeholder = 0;
		for (Parameter parameter : params) {
			if (parameter.optional()) {
				break;
			}
			text.append(placeholder > 0 ? ", " : "").append("${").append(++placeholder).append(':').append(escape(parameter.name())).append('}');
		}
		if (placeholder == 0) {
			text.append("$1");
		}
		return new Insert(text.append(")$0").toString(), true);
	}

	/** Text to insert and whether it is a snippet. */
	record Insert(String text, boolean snippet) {
	}

	/** Makes {@code text} literal inside LSP snippet syntax. */
	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
	}
}
