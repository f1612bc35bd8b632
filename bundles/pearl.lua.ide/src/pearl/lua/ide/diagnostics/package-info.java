/** Diagnostics of a file while it is edited: what {@code pearl lint} reports for it in its project. */
package pearl.lua.ide.diagnostics;
