/** Semantic highlighting: what each name is (global, local, upvalue, parameter, firmware module). */
package pearl.lua.ide.highlighting;
