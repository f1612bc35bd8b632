/** Document symbols: the outline of a file. */
package pearl.lua.ide.outline;
