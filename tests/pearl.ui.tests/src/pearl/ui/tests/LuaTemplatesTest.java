package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.templates.DocumentTemplateContext;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateBuffer;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.jface.text.templates.TemplateVariable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.lint.LintConfig;
import pearl.lua.lint.LintIssue;
import pearl.lua.lint.LintRules;
import pearl.lua.lint.Linter;
import pearl.lua.lint.Severity;
import pearl.lua.ui.LuaServices;
import pearl.lua.ui.templates.LuaTemplateAssistProcessor;
import pearl.lua.ui.templates.LuaTemplatePreferencePage;
import pearl.lua.ui.templates.LuaTemplates;

/** The NodeMCU templates: each expands to Lua that Pearl's own linter finds nothing wrong with. */
class LuaTemplatesTest {

	private static final Set<String> CONTRIBUTED = Set.of("wifi_station", "mqtt_client", "gpio_debounce", "file_lines", "task_chunks",
			"sjson_decode", "sjson_encode");

	private static List<Template> templates() {
		return Arrays.asList(LuaTemplates.store().getTemplates(LuaTemplates.CONTEXT_TYPE));
	}

	@Test
	void theNodeMcuIdiomsAreContributed() {
		assertEquals(CONTRIBUTED, templates().stream().map(Template::getName).collect(Collectors.toSet()));
	}

	@Test
	void everyTemplateExpandsToLuaThatLintsCleanWithItsVariablesAsNames() throws Exception {
		TemplateContextType type = LuaTemplates.registry().getContextType(LuaTemplates.CONTEXT_TYPE);
		Linter linter = new Linter(LuaServices.get().sources(), FirmwareModel.load(), LintRules.all(), new LintConfig());
		List<String> problems = new ArrayList<>();
		for (Template template : templates()) {
			// expanded as the editor does: ${cursor} vanishes, other variables become their names
			TemplateBuffer buffer = new DocumentTemplateContext(type, new Document(), 0, 0).evaluate(template);
			Set<String> variables = Arrays.stream(buffer.getVariables()).map(TemplateVariable::getName).collect(Collectors.toSet());
			for (LintIssue issue : linter.lint(template.getName() + ".lua", buffer.getString())) {
				boolean readsAVariable = issue.code().equals("global-read") && variables.contains(issue.subject());
				if (issue.severity() == Severity.ERROR || issue.code().equals("global-write") || issue.code().equals("global-read") && !readsAVariable) {
					problems.add(template.getName() + ":" + issue.line() + ": " + issue.message() + " [" + issue.code() + "]");
				}
			}
		}
		assertEquals(List.of(), problems);
	}

	@Test
	void theAssistProcessorOffersTheTemplatesThatStartWithWhatWasTyped() {
		Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
		try {
			SourceViewer viewer = new SourceViewer(shell, null, SWT.NONE);
			IDocument document = new Document("mqtt_");
			viewer.setDocument(document);
			ICompletionProposal[] proposals = new LuaTemplateAssistProcessor().computeCompletionProposals(viewer, 5);
			assertEquals(1, proposals.length, Arrays.toString(proposals));
			// as a user's Enter applies it: into the viewer, variables linked for editing
			((ICompletionProposalExtension2) proposals[0]).apply(viewer, '\n', 0, 5);
			assertTrue(document.get().startsWith("local client = mqtt.Client(\"clientid\", 120)"), document.get());
		} finally {
			shell.dispose();
		}
	}

	@Test
	void theTemplatesPageListsThem() throws Exception {
		PreferenceDialog dialog = SettingsDialogs.preferences(LuaTemplatePreferencePage.ID);
		try {
			Table table = SettingsDialogs.find(dialog, Table.class, t -> true).get(0);
			Set<String> names = Arrays.stream(table.getItems()).map(item -> item.getText(0)).collect(Collectors.toSet());
			assertTrue(names.containsAll(CONTRIBUTED), names.toString());
			assertTrue(Arrays.stream(table.getItems()).allMatch(TableItem::getChecked), "contributed templates start enabled");
			Workbenches.screenshot(table.getDisplay(), "preferences-templates.png");
		} finally {
			dialog.close();
		}
	}
}
