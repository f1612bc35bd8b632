package pearl.lua.ide.highlighting;

/** What more there is to say about a highlighted name. */
public enum TokenModifier {
	/** The name introduces a local (a {@code local}, a parameter, a loop variable) or a table's field or method. */
	DECLARATION,
	/** The code assigns the variable or field here. */
	MODIFICATION,
	/**
	 * A global the file assigns that nothing declares (it is not the firmware's, nor in the
	 * project's globals): a leaked global, marked at every use in the file.
	 */
	UNDECLARED_GLOBAL,
	/** A read-only ROM table of the firmware: assigning into it fails on the board. */
	READONLY,
	/** A firmware function the data file marks deprecated or removed. */
	DEPRECATED
}
