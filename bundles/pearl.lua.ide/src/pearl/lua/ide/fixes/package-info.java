/** Quick fixes: code actions for lint findings. */
package pearl.lua.ide.fixes;
