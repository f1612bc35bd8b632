package pearl.lua.ui.templates;

import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.TemplateContextType;

/**
 * Where NodeMCU templates apply: anywhere in a Lua file. Knows Eclipse's global variables
 * ({@code ${cursor}}, {@code ${date}} ...); any other variable expands to its own name, which the
 * user then edits in linked mode.
 */
public final class LuaTemplateContextType extends TemplateContextType {

	/** Made by the workbench from {@code plugin.xml}, which gives the id and name. */
	public LuaTemplateContextType() {
		addResolver(new GlobalTemplateVariables.Cursor());
		addResolver(new GlobalTemplateVariables.WordSelection());
		addResolver(new GlobalTemplateVariables.LineSelection());
		addResolver(new GlobalTemplateVariables.Dollar());
		addResolver(new GlobalTemplateVariables.Date());
		addResolver(new GlobalTemplateVariables.Year());
		addResolver(new GlobalTemplateVariables.Time());
		addResolver(new GlobalTemplateVariables.User());
	}
}
