package pearl.lua.ide.outline;

import java.util.List;

import pearl.lua.ide.model.LuaDocument;

/**
 * The outline (document symbols) of a Lua file: its functions (global, local, {@code M.f} and
 * {@code M:f}), the locals and globals its main chunk declares, and its tables with their fields.
 * <p>
 * Functions declared in the main chunk as {@code function M.f()} or {@code function M:f()}, or
 * assigned as {@code M.f = function ... end}, appear under {@code M} when {@code M} is a table the
 * file creates ({@code local M = {}} or {@code M = {}}); the table is a {@link OutlineSymbol.Kind#MODULE}
 * when the file ends with {@code return M}. Locals declared inside functions or nested blocks do
 * not appear, but functions do, under the function that contains them; an anonymous function passed
 * to a call (a timer's or a socket's callback) is named after that call. A partial syntax tree
 * gives the outline of what could be parsed.
 */
public final class LuaOutline {

	/** An outline service; it keeps no state between documents. */
	public LuaOutline() {
	}

	/** The top-level entries of {@code document}'s outline, in source order; empty when nothing parses. */
	public List<OutlineSymbol> symbols(LuaDocument document) {
		if (document.chunk() == null || document.chunk().getBlock() == null) {
			return List.of();
		}
		return new OutlineBuilder(document).build(document.chunk().getBlock());
	}
}
