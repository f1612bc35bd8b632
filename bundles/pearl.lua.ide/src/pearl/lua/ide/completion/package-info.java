/** Completion: what may be typed at the caret, with firmware signatures and NodeMCU snippets. */
package pearl.lua.ide.completion;
