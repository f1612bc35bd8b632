/** The language server: the services above behind Xtext's LSP implementation. */
package pearl.lua.ide.server;
