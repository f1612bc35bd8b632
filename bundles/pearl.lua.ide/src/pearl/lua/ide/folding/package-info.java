/** Folding ranges, bracket pairs and comment syntax for editors. */
package pearl.lua.ide.folding;
