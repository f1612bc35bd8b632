package pearl.lua.ui.templates;

import org.eclipse.ui.texteditor.templates.TemplatePreferencePage;

/** Lua &gt; Templates: the NodeMCU templates, to see, edit, add, disable or restore. */
public final class LuaTemplatePreferencePage extends TemplatePreferencePage {

	/** The id of the page in the preferences. */
	public static final String ID = "pearl.lua.ui.preferences.templates";

	/** The page, made by the workbench. */
	public LuaTemplatePreferencePage() {
		setPreferenceStore(LuaTemplates.preferences());
		setTemplateStore(LuaTemplates.store());
		setContextTypeRegistry(LuaTemplates.registry());
	}

	@Override
	protected boolean isShowFormatterSetting() {
		return false; // Lua templates are inserted as written
	}
}
