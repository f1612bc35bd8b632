package pearl.lua.ui.templates;

import java.io.IOException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.templates.ContextTypeRegistry;
import org.eclipse.jface.text.templates.persistence.TemplateStore;
import org.eclipse.ui.editors.text.templates.ContributionContextTypeRegistry;
import org.eclipse.ui.editors.text.templates.ContributionTemplateStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import pearl.lua.ui.preferences.LuaPreferences;

/**
 * The Lua templates: those contributed in {@code templates/nodemcu.xml} and the user's own or
 * edited ones, which the store keeps in the workspace preferences of this bundle.
 */
public final class LuaTemplates {

	/** The context type of the NodeMCU templates. */
	public static final String CONTEXT_TYPE = "pearl.lua.ui.templates.nodemcu";

	/** The preference that holds the user's changes to the templates. */
	private static final String KEY = "pearl.lua.ui.templates";

	private static final class Holder {
		static final LuaTemplates INSTANCE = new LuaTemplates();
	}

	private final ScopedPreferenceStore preferences = new ScopedPreferenceStore(InstanceScope.INSTANCE, LuaPreferences.NODE);
	private final ContributionContextTypeRegistry registry = new ContributionContextTypeRegistry();
	private final TemplateStore store;

	private LuaTemplates() {
		registry.addContextType(CONTEXT_TYPE);
		store = new ContributionTemplateStore(registry, preferences, KEY);
		try {
			store.load();
		} catch (IOException e) {
			ILog.of(LuaTemplates.class).error("cannot read the Lua templates", e);
		}
	}

	/** The templates, read on first use. */
	public static TemplateStore store() {
		return Holder.INSTANCE.store;
	}

	/** The context types the templates use. */
	public static ContextTypeRegistry registry() {
		return Holder.INSTANCE.registry;
	}

	/** The preference store the template store saves to. */
	public static IPreferenceStore preferences() {
		return Holder.INSTANCE.preferences;
	}
}
