package pearl.lua.ui.preferences;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import pearl.lua.firmware.BoardProfile;
import pearl.lua.firmware.BoardProfile.NumberType;
import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.FirmwareTable;

/**
 * NodeMCU Board: the firmware build a project's board runs (its modules and number type) and the
 * heap free at boot. The module list is the firmware data file's. A project's own profile is
 * saved to {@link BoardProfile#PROJECT_FILE} at its root; the workspace's default to the
 * workspace preferences.
 */
public final class BoardPreferencePage extends ProjectSettingsPage {

	/** The id of the page in the preferences and in a project's properties. */
	public static final String ID = "pearl.lua.ui.preferences.board";

	private final Map<String, FirmwareTable> described = FirmwareModel.load().modules();
	private BoardProfile shown;
	private Table modules;
	private Button integer;
	private Button floats;
	private Spinner heap;

	/** The page, made by the workbench. */
	public BoardPreferencePage() {
		setDescription("The firmware the board runs. Completion offers only the modules in the build, and the linter "
				+ "flags a module that is not in it.");
	}

	@Override
	protected void createSettings(Composite parent) {
		shown = LuaPreferences.board(project());
		Group group = new Group(parent, SWT.NONE);
		group.setText("Firmware modules in the build");
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		group.setLayout(new GridLayout(2, false));
		modules = new Table(group, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
		GridData tableSize = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableSize.heightHint = 200;
		tableSize.widthHint = 280;
		modules.setLayoutData(tableSize);
		TableColumn name = new TableColumn(modules, SWT.NONE);
		name.setWidth(80);
		TableColumn doc = new TableColumn(modules, SWT.NONE);
		doc.setWidth(600);
		described.forEach((module, table) -> {
			TableItem item = new TableItem(modules, SWT.NONE);
			item.setText(new String[] { module, table.doc() });
		});
		Composite buttons = new Composite(group, SWT.NONE);
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		buttons.setLayout(new GridLayout(1, true));
		button(buttons, "Select All", () -> check(described.keySet()));
		button(buttons, "Deselect All", () -> check(Set.of()));
		button(buttons, "Default Build", () -> check(FirmwareModel.load().defaultModuleNames()));

		Composite numbers = new Composite(parent, SWT.NONE);
		numbers.setLayout(new GridLayout(3, false));
		new Label(numbers, SWT.NONE).setText("Numbers:");
		floats = new Button(numbers, SWT.RADIO);
		floats.setText("Float build");
		integer = new Button(numbers, SWT.RADIO);
		integer.setText("Integer build");
		new Label(numbers, SWT.NONE).setText("Free heap at boot (bytes):");
		heap = new Spinner(numbers, SWT.BORDER);
		heap.setValues((int) BoardProfile.DEFAULT_HEAP, (int) BoardProfile.MIN_HEAP, (int) BoardProfile.MAX_HEAP, 0, 256, 1024);
		heap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
		show(shown);
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		button.addListener(SWT.Selection, event -> action.run());
	}

	private void check(Set<String> names) {
		for (TableItem item : modules.getItems()) {
			item.setChecked(names.contains(item.getText(0)));
		}
	}

	private void show(BoardProfile profile) {
		check(profile.modules());
		integer.setSelection(profile.numberType() == NumberType.INTEGER);
		floats.setSelection(profile.numberType() == NumberType.FLOAT);
		heap.setSelection((int) profile.heap());
	}

	/** What the page shows, with any module of the profile the data file does not describe kept. */
	private BoardProfile chosen() {
		Set<String> names = new TreeSet<>(shown.modules());
		names.removeAll(described.keySet());
		for (TableItem item : modules.getItems()) {
			if (item.getChecked()) {
				names.add(item.getText(0));
			}
		}
		return BoardProfile.of(names, integer.getSelection() ? NumberType.INTEGER : NumberType.FLOAT, heap.getSelection());
	}

	@Override
	protected void performDefaults() {
		show(BoardProfile.allModules());
		super.performDefaults();
	}

	@Override
	protected boolean hasProjectSettings(IProject project) {
		return project.getFile(BoardProfile.PROJECT_FILE).exists();
	}

	@Override
	protected void saveWorkspace() {
		BoardProfile chosen = chosen();
		if (!chosen.equals(LuaPreferences.workspaceBoard())) {
			LuaPreferences.storeWorkspaceBoard(chosen);
			WorkspaceRebuild.start();
		}
	}

	@Override
	protected void saveProject(IProject project) {
		BoardProfile chosen = chosen();
		IFile file = project.getFile(BoardProfile.PROJECT_FILE);
		if (file.exists() && chosen.equals(LuaPreferences.board(project))) {
			return;
		}
		ByteArrayInputStream json = new ByteArrayInputStream(chosen.toJson().getBytes(StandardCharsets.UTF_8));
		try {
			if (file.exists()) {
				file.setContents(json, true, true, null);
			} else {
				file.create(json, true, null);
			}
			WorkspaceRebuild.start();
		} catch (CoreException e) {
			setErrorMessage("Cannot save " + file.getFullPath() + ": " + e.getMessage());
		}
	}

	@Override
	protected void removeProjectSettings(IProject project) {
		IFile file = project.getFile(BoardProfile.PROJECT_FILE);
		try {
			if (file.exists()) {
				file.delete(true, true, null);
				WorkspaceRebuild.start();
			}
		} catch (CoreException e) {
			setErrorMessage("Cannot delete " + file.getFullPath() + ": " + e.getMessage());
		}
	}
}
