package pearl.lua.ide.outline;

import java.util.List;

import pearl.lua.ide.model.TextRange;

/**
 * One entry of a file's outline.
 *
 * @param name      what the outline shows: {@code connect}, {@code M.start} (when {@code M} is not a
 *                  table of the file), {@code start} under its table {@code M}, or for a callback the
 *                  call it is passed to, such as {@code conn:on("receive") callback}
 * @param kind      what sort of entry it is
 * @param detail    for a function its parameters, {@code (sck, data)}; for a variable the firmware
 *                  object it holds ({@code tmr.timer}) when known; else empty
 * @param range     the whole declaration (statement or function), for the editor's "where am I"
 * @param selection the name inside {@code range}, to select when the entry is chosen
 * @param children  entries inside this one, in source order; a function's children lie inside its
 *                  range, a table's may come after it ({@code function M.f()} further down the file)
 */
public record OutlineSymbol(String name, Kind kind, String detail, TextRange range, TextRange selection, List<OutlineSymbol> children) {

	/** What sort of entry a symbol is. */
	public enum Kind {
		/** A function: global, local, a table's field, or an anonymous callback. */
		FUNCTION,
		/** A function declared with {@code :}, which gets {@code self}. */
		METHOD,
		/** A local variable of the main chunk. */
		LOCAL,
		/** A global the file assigns in its main chunk. */
		GLOBAL,
		/** The table a module file returns ({@code local M = {} ... return M}). */
		MODULE,
		/** A field of a table of the file. */
		FIELD
	}

	/** Copies the children so that the symbol cannot change afterwards. */
	public OutlineSymbol {
		detail = detail == null ? "" : detail;
		children = List.copyOf(children);
	}
}
