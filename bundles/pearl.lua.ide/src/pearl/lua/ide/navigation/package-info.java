/** Go to definition and find references across the files of a project. */
package pearl.lua.ide.navigation;
