package pearl.lua.ui.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import pearl.lua.lint.LintRule;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Severity;
import pearl.lua.lint.SeverityOverrides;

/**
 * Lua &gt; Lint: the severity of every lint rule, for the workspace or one project. What
 * {@code .luacheckrc} says still applies on top, as {@link SeverityOverrides} describes.
 */
public final class LintPreferencePage extends ProjectSettingsPage {

	/** The id of the page in the preferences and in a project's properties. */
	public static final String ID = "pearl.lua.ui.preferences.lint";
	/** The key under which each severity combo holds its rule's code (for tests and accessibility tools). */
	public static final String RULE_CODE = "pearl.lua.ui.ruleCode";

	/** The choices, in the order the combos list them; null is Ignore. */
	private static final List<String> LABELS = List.of("Error", "Warning", "Info", "Ignore");
	private static final Severity[] SEVERITIES = { Severity.ERROR, Severity.WARNING, Severity.INFO, null };

	private final List<LintRule> rules = LintRules.all();
	private final Map<LintRule, Combo> combos = new LinkedHashMap<>();

	/** The page, made by the workbench. */
	public LintPreferencePage() {
		setDescription("How each lint rule reports what it finds in Lua files. A project's .luacheckrc can still ignore "
				+ "findings, and a rule set to Ignore here is not checked at all.");
	}

	@Override
	protected void createSettings(Composite parent) {
		// thirteen rules and their summaries do not fit a preference dialog of the usual size: scroll, wrap the summaries
		ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
		GridData size = new GridData(SWT.FILL, SWT.FILL, true, true);
		size.widthHint = 420;
		size.heightHint = 320;
		scroll.setLayoutData(size);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		Composite grid = new Composite(scroll, SWT.NONE);
		grid.setLayout(new GridLayout(3, false));
		scroll.setContent(grid);
		scroll.addListener(SWT.Resize, event -> scroll.setMinSize(grid.computeSize(scroll.getClientArea().width, SWT.DEFAULT)));
		SeverityOverrides current = LuaPreferences.severities(project());
		for (LintRule rule : rules) {
			Label code = new Label(grid, SWT.NONE);
			code.setText(rule.code());
			Combo combo = new Combo(grid, SWT.READ_ONLY | SWT.DROP_DOWN);
			combo.setItems(LABELS.toArray(String[]::new));
			combo.setData(RULE_CODE, rule.code());
			combo.setToolTipText("Default: " + label(rule.defaultSeverity()));
			select(combo, current.severityOf(rule).orElse(null));
			combos.put(rule, combo);
			Label summary = new Label(grid, SWT.WRAP);
			summary.setText(rule.summary());
			summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
	}

	private static String label(Severity severity) {
		for (int i = 0; i < SEVERITIES.length; i++) {
			if (SEVERITIES[i] == severity) {
				return LABELS.get(i);
			}
		}
		throw new IllegalArgumentException(String.valueOf(severity));
	}

	private static void select(Combo combo, Severity severity) {
		combo.select(LABELS.indexOf(label(severity)));
	}

	/** What the combos show. */
	private SeverityOverrides chosen() {
		SeverityOverrides chosen = SeverityOverrides.none();
		for (Map.Entry<LintRule, Combo> entry : combos.entrySet()) {
			chosen = chosen.with(entry.getKey(), SEVERITIES[entry.getValue().getSelectionIndex()]);
		}
		return chosen;
	}

	@Override
	protected void performDefaults() {
		combos.forEach((rule, combo) -> select(combo, rule.defaultSeverity()));
		super.performDefaults();
	}

	@Override
	protected boolean hasProjectSettings(IProject project) {
		return LuaPreferences.hasOwnSeverities(project);
	}

	@Override
	protected void saveWorkspace() {
		store(LuaPreferences.workspace());
	}

	@Override
	protected void saveProject(IProject project) {
		IEclipsePreferences node = LuaPreferences.of(project);
		boolean wasOn = node.getBoolean(LuaPreferences.PROJECT_SPECIFIC_LINT, false);
		node.putBoolean(LuaPreferences.PROJECT_SPECIFIC_LINT, true);
		if (!store(node) && !wasOn) {
			WorkspaceRebuild.start(); // the same values, but now the project's instead of the workspace's
		}
	}

	@Override
	protected void removeProjectSettings(IProject project) {
		IEclipsePreferences node = LuaPreferences.of(project);
		if (node.getBoolean(LuaPreferences.PROJECT_SPECIFIC_LINT, false)) {
			node.remove(LuaPreferences.PROJECT_SPECIFIC_LINT);
			LuaPreferences.store(node, SeverityOverrides.none());
			WorkspaceRebuild.start();
		}
	}

	/** Stores the chosen severities in {@code node}; rebuilds and answers true when they changed. */
	private boolean store(IEclipsePreferences node) {
		SeverityOverrides chosen = chosen();
		boolean changed = !chosen.equals(LuaPreferences.severities(node));
		LuaPreferences.store(node, chosen);
		if (changed) {
			WorkspaceRebuild.start();
		}
		return changed;
	}
}
