/** What a NodeMCU project is made of: the files a new one starts with. */
package pearl.lua.ide.project;
