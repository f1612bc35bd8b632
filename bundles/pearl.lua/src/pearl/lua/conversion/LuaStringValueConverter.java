package pearl.lua.conversion;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractLexerBasedConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Converts a Lua 5.1 string literal's source text into the string it denotes and back: quoted
 * strings with their escapes (§2.1: {@code \a \b \f \n \r \t \v \\ \" \' \newline \ddd}, any
 * other escaped character standing for itself) and long strings, whose first newline is dropped.
 */
public class LuaStringValueConverter extends AbstractLexerBasedConverter<String> {

	@Override
	public String toValue(String text, INode node) throws ValueConverterException {
		if (text == null) {
			return null;
		}
		if (text.startsWith("[")) {
			return longStringValue(text);
		}
		if (text.length() < 2 || text.charAt(text.length() - 1) != text.charAt(0)) {
			throw new ValueConverterException("unfinished string", node, null);
		}
		return unescape(text.substring(1, text.length() - 1), node);
	}

	private static String longStringValue(String text) {
		int open = text.indexOf('[', 1) + 1;
		int level = open - 2;
		String body = text.substring(open, text.length() - level - 2);
		if (body.startsWith("\r\n")) {
			return body.substring(2);
		}
		return body.startsWith("\n") || body.startsWith("\r") ? body.substring(1) : body;
	}

	private static String unescape(String body, INode node) {
		StringBuilder value = new StringBuilder(body.length());
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != '\\' || i + 1 == body.length()) {
				value.append(c);
				continue;
			}
			char e = body.charAt(++i);
			switch (e) {
			case 'a' -> value.append('\u0007');
			case 'b' -> value.append('\b');
			case 'f' -> value.append('\f');
			case 'n' -> value.append('\n');
			case 'r' -> value.append('\r');
			case 't' -> value.append('\t');
			case 'v' -> value.append('\u000B');
			default -> {
				if (Character.isDigit(e)) {
					int end = i;
					while (end < body.length() && end < i + 3 && Character.isDigit(body.charAt(end))) {
						end++;
					}
					int code = Integer.parseInt(body.substring(i, end));
					if (code > 255) {
						throw new ValueConverterException("escape sequence too large: \\" + body.substring(i, end), node, null);
					}
					value.append((char) code);
					i = end - 1;
				} else {
					value.append(e); // \\ \" \' \newline and 5.1's "any other character stands for itself"
				}
			}
			}
		}
		return value.toString();
	}

	@Override
	protected String toEscapedString(String value) {
		StringBuilder text = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
			case '"' -> text.append("\\\"");
			case '\\' -> text.append("\\\\");
			case '\n' -> text.append("\\n");
			case '\r' -> text.append("\\r");
			case '\t' -> text.append("\\t");
			default -> {
				if (c < 32 || c == 127) {
					text.append('\\').append((int) c);
				} else {
					text.append(c);
				}
			}
			}
		}
		return text.append('"').toString();
	}
}
