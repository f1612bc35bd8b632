package pearl.lua.ide.server;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import pearl.lua.ide.model.TextRange;
import pearl.lua.parser.LuaLineMap;

/** LSP's 0-based line/character positions for offsets of a text, and back. */
final class Positions {

	private final LuaLineMap lines;

	Positions(LuaLineMap lines) {
		this.lines = lines;
	}

	Positions(String text) {
		this(new LuaLineMap(text));
	}

	Position position(int offset) {
		return new Position(lines.line(offset) - 1, lines.column(offset) - 1);
	}

	Range range(TextRange range) {
		return new Range(position(range.offset()), position(range.end()));
	}

	int offset(Position position) {
		return lines.offset(position.getLine() + 1, position.getCharacter() + 1);
	}
}
