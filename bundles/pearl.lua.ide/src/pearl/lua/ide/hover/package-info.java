/** Hover: what a name at the caret is (firmware documentation, a local's declaration, a global's definitions). */
package pearl.lua.ide.hover;
