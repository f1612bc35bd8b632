package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.AbstractDebugView;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRulerInfo;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pearl.launch.PearlLaunching;
import pearl.launch.breakpoints.LuaExceptionBreakpoint;
import pearl.launch.breakpoints.LuaLineBreakpoint;
import pearl.launch.emulator.EmulatorAttributes;
import pearl.launch.model.DapStackFrame;
import pearl.launch.model.DapThread;
import pearl.lua.ui.LuaEditor;
import pearl.lua.ui.project.NodeMcuProjects;

/**
 * Debugging a timer callback in the workbench as a user does: a breakpoint from the Lua editor's
 * ruler with a condition from its properties dialog, Debug, the stop in the editor, the Debug and
 * Variables views, step over, continue to the next task, resume, terminate.
 */
class DebugUiTest {

	/** Line 5 runs in the timer's callback; {@code count} is its upvalue. */
	private static final String INIT = """
			local count = 41
			local t = tmr.create()

			t:alarm(300, tmr.ALARM_AUTO, function()
			  count = count + 1
			  print("tick", count)
			end)
			print("booted")
			""";

	private static final String PROJECT = "blinker";

	/** How long the board may take to boot, stop or run on, on a loaded machine. */
	private static final long PATIENCE_MS = 60_000;

	/** The Run/Debug > Perspectives preference "Open the associated perspective when a stop occurs" (internal key). */
	private static final String SWITCH_ON_SUSPEND = "org.eclipse.debug.ui.switch_perspective_on_suspend";

	private Display display;
	private IWorkbenchPage page;
	private IPerspectiveDescriptor perspectiveBefore;
	private String switchPreferenceBefore;

	@BeforeEach
	void setUp() {
		display = Display.getCurrent();
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		perspectiveBefore = page.getPerspective();
		// a stop switches to the Debug perspective without asking (the question would block the test)
		switchPreferenceBefore = DebugUITools.getPreferenceStore().getString(SWITCH_ON_SUSPEND);
		DebugUITools.getPreferenceStore().setValue(SWITCH_ON_SUSPEND, "always");
	}

	@AfterEach
	void tearDown() throws Exception {
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : launches.getLaunches()) {
			launch.terminate(); // nothing to do for one that ended
		}
		launches.removeLaunches(launches.getLaunches());
		for (ILaunchConfiguration configuration : launches.getLaunchConfigurations(launches.getLaunchConfigurationType(PearlLaunching.EMULATOR_TYPE))) {
			configuration.delete();
		}
		IBreakpointManager breakpoints = DebugPlugin.getDefault().getBreakpointManager();
		breakpoints.removeBreakpoints(breakpoints.getBreakpoints(PearlLaunching.DEBUG_MODEL), true);
		DebugUITools.getPreferenceStore().setValue(SWITCH_ON_SUSPEND, switchPreferenceBefore);
		page.closeAllEditors(false);
		page.setPerspective(perspectiveBefore);
		ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT).delete(true, true, null);
	}

	@Test
	void stopsInATimerCallbackShowsItsUpvalueStepsAndContinuesToTheNextTask() throws Exception {
		IProject project = NodeMcuProjects.create(PROJECT, null, null);
		IFile init = project.getFile("init.lua");
		init.setContents(new java.io.ByteArrayInputStream(INIT.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, false, null);
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setMaximized(true);
		shell.setBounds(display.getPrimaryMonitor().getBounds());
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, init);
		Workbenches.flushEvents(display);

		// a double-click in the ruler on line 5 sets a breakpoint there; the ruler shows it
		doubleClickRuler(editor, 5);
		LuaLineBreakpoint breakpoint = Workbenches.await(display, () -> LuaLineBreakpoint.find(init, 5));
		assertNotNull(breakpoint, "no breakpoint after a double-click on the ruler");
		assertNotNull(await(() -> annotationOnLine(editor, "org.eclipse.debug.core.breakpoint", 5)),
				() -> "the ruler shows no breakpoint on line 5: " + Workbenches.annotationsOnceSettled(editor, a -> a.getType(), all -> true));

		Workbenches.flushEvents(display);
		Workbenches.screenshot(display, "debug-breakpoint-in-ruler.png");

		// its properties, from the ruler's menu: stop only from the second tick on
		List<String> menu = rulerMenu(editor, 5);
		assertTrue(menu.containsAll(List.of("Toggle Breakpoint", "Disable Breakpoint", "Breakpoint Properties...")), menu.toString());
		display.timerExec(500, () -> fillPropertiesDialog("count > 41"));
		clickRulerMenu(editor, 5, "Breakpoint Properties...");
		assertEquals("count > 41", breakpoint.getCondition(), "the properties dialog did not set the condition");

		ILaunchConfiguration configuration = emulator(project);
		// in the Debug perspective, its Debug view selects the frame where the board stops
		page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(IDebugUIConstants.ID_DEBUG_PERSPECTIVE));
		DebugUITools.launch(configuration, ILaunchManager.DEBUG_MODE);
		DapThread thread = awaitStop(5);

		// the editor shows the file with the instruction pointer on the line
		IEditorPart shown = page.getActiveEditor();
		assertEquals(LuaEditor.ID, shown.getSite().getId());
		assertEquals(init, shown.getEditorInput().getAdapter(IFile.class));
		assertNotNull(await(() -> annotationOnLine((ITextEditor) shown, "org.eclipse.debug.ui.currentIP", 5)),
				"no instruction pointer on line 5");

		// the Debug view: the callback's frame over the frame naming the task
		Tree stack = tree(page.showView(IDebugUIConstants.ID_DEBUG_VIEW));
		assertNotNull(await(() -> find(stack, text -> text.contains("[init.lua:5]"))), () -> "no Lua frame in " + texts(stack));
		assertNotNull(await(() -> find(stack, text -> text.startsWith("tmr callback"))), () -> "no task frame in " + texts(stack));

		// the Variables view: the upvalue, as the condition let only the second tick stop
		IViewPart variablesView = page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
		assertUpvalue(tree(variablesView), "count", "42");
		page.activate(shown);
		widen(page.findView(IDebugUIConstants.ID_DEBUG_VIEW), 34);
		widen(variablesView, 38);
		Workbenches.flushEvents(display);
		Workbenches.screenshot(display, "debug-perspective-breakpoint.png");

		// the hover over the upvalue shows its value in the stopped frame, above the Lua hover
		StyledText text = ((ISourceViewer) shown.getAdapter(ITextOperationTarget.class)).getTextWidget();
		List<String> seen = new ArrayList<>();
		String hover = hover(text, INIT.indexOf("count)") + 2, "count = ", seen);
		if (hover == null) {
			screenshotOfFailure();
		}
		assertNotNull(hover, () -> "no value in the hover over count; hovers seen: " + seen);
		assertTrue(hover.startsWith("count = 42"), hover);
		Workbenches.screenshot(display, "debug-hover.png");
		moveMouseAway();

		// step over: line 6, the upvalue counted
		command("org.eclipse.debug.ui.commands.StepOver");
		awaitStop(6);
		assertUpvalue(tree(page.showView(IDebugUIConstants.ID_VARIABLE_VIEW)), "count", "43");

		// the breakpoint off again from the ruler; the button runs on to the next tick's first line
		doubleClickRuler((ITextEditor) page.getActiveEditor(), 5);
		assertNotNull(await(() -> LuaLineBreakpoint.find(init, 5) == null ? "gone" : null),
				"the double-click did not remove the breakpoint");
		ToolItem next = await(() -> toolItem(shell, "Continue to Next Task"));
		assertNotNull(next, "no Continue to Next Task button");
		assertTrue(await(() -> next.isEnabled() ? next : null) != null, "Continue to Next Task is disabled at a stop");
		next.notifyListeners(SWT.Selection, new Event());
		awaitStop(5);
		assertUpvalue(tree(page.showView(IDebugUIConstants.ID_VARIABLE_VIEW)), "count", "43");

		// resume: no breakpoint left, the board runs and prints
		assertTrue(command("org.eclipse.debug.ui.commands.Resume", () -> !thread.isSuspended()),
				() -> "the board did not run on: " + thread.stopReason() + " " + thread.stopText() + ", selected: " + DebugUITools.getDebugContext());
		assertNotNull(await(() -> uart().contains("tick\t45") ? "" : null), this::uart);
		assertNotNull(await(() -> next.isDisposed() || !next.isEnabled() ? "" : null),
				() -> "Continue to Next Task is enabled while the board runs; suspended: " + thread.isSuspended() + ", selected: "
						+ DebugUITools.getDebugContext());

		// the red square acts on what the Debug view has selected: the board's launch, clicked
		Tree launches = tree(page.showView(IDebugUIConstants.ID_DEBUG_VIEW));
		TreeItem launch = launches.getItem(0);
		launches.setSelection(launch);
		launches.notifyListeners(SWT.Selection, selection(launch));
		assertNotNull(await(() -> DebugUITools.getDebugContext() instanceof ILaunch ? "" : null), "the launch is not selected");
		assertTrue(command("org.eclipse.debug.ui.commands.Terminate", () -> thread.getDebugTarget().isTerminated()),
				() -> "the session did not end: " + texts(launches));
	}

	@Test
	void theBreakpointsViewAddsTheNodeMcuExceptionBreakpoints() throws Exception {
		IViewPart view = page.showView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
		Workbenches.flushEvents(display);
		ToolItem add = toolItem(page.getWorkbenchWindow().getShell(), "Add NodeMCU Exception Breakpoints");
		assertNotNull(add, "no button in the Breakpoints view");
		add.notifyListeners(SWT.Selection, new Event());

		Map<String, Boolean> made = new TreeMap<>();
		for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PearlLaunching.DEBUG_MODEL)) {
			made.put(((LuaExceptionBreakpoint) b).getFilter(), b.isEnabled());
		}
		assertEquals(Map.of("error", true, "caught", false, "memory", true, "watchdog", true), made);

		Tree tree = tree(view);
		TreeItem caught = await(() -> find(tree, text -> text.equals("NodeMCU: Lua error caught by pcall")));
		assertNotNull(caught, () -> "not in the view: " + texts(tree));
		assertFalse(caught.getChecked(), "caught errors are off by default");
		TreeItem watchdog = find(tree, text -> text.equals("NodeMCU: Watchdog reset"));
		assertNotNull(watchdog, () -> "not in the view: " + texts(tree));
		assertTrue(watchdog.getChecked());

		// a second press adds nothing
		add.notifyListeners(SWT.Selection, new Event());
		assertEquals(4, DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PearlLaunching.DEBUG_MODEL).length);
	}

	// ------------------------------------------------------------------ the board

	private static ILaunchConfiguration emulator(IProject project) throws Exception {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(PearlLaunching.EMULATOR_TYPE);
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(project.getName()));
		copy.setAttribute(EmulatorAttributes.PROJECT, project.getName());
		copy.setAttribute(EmulatorAttributes.RUN_LENGTH, "");
		copy.setAttribute(EmulatorAttributes.REALTIME, true);
		return copy.doSave();
	}

	/**
	 * The board's thread once it stands on {@code line} of init.lua and the Debug view has selected
	 * that frame: the toolbar's buttons act on the selection, so they wait for it too.
	 */
	private DapThread awaitStop(int line) throws Exception {
		List<String> selected = new ArrayList<>(List.of("nothing"));
		DapStackFrame top = await(() -> {
			IAdaptable context = DebugUITools.getDebugContext();
			selected.set(0, String.valueOf(context));
			try {
				return context instanceof DapStackFrame frame && frame.isSuspended() && frame.index() == 0 && frame.getLineNumber() == line
						? frame
						: null;
			} catch (DebugException e) {
				return null;
			}
		});
		assertNotNull(top, () -> "the board did not stop on line " + line + " (selected: " + selected.get(0) + "); UART:\n" + uart());
		Workbenches.flushEvents(display);
		return (DapThread) top.getThread();
	}

	private String uart() {
		ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
		return launches.length == 0 || launches[0].getProcesses().length == 0 ? ""
				: launches[0].getProcesses()[0].getStreamsProxy().getOutputStreamMonitor().getContents();
	}

	/**
	 * Runs the command {@code id} as its toolbar button does, once the button is enabled: the
	 * debug platform enables its buttons for the Debug view's selection a moment after it changes.
	 */
	private void command(String id) throws Exception {
		Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(id);
		assertNotNull(await(() -> command.isEnabled() ? command : null), () -> command.getId() + " stays disabled");
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null);
	}

	/**
	 * Runs the command {@code id} until {@code done} holds, as a user clicks again a button that did
	 * nothing: the debug platform's buttons learn of a stop a moment after the Debug view shows it,
	 * and until then a click is dropped without a word. Whether {@code done} came to hold.
	 */
	private boolean command(String id, BooleanSupplier done) throws Exception {
		long until = System.currentTimeMillis() + PATIENCE_MS;
		while (!done.getAsBoolean() && System.currentTimeMillis() < until) {
			command(id);
			long again = System.currentTimeMillis() + 5_000;
			while (!done.getAsBoolean() && System.currentTimeMillis() < again) {
				Workbenches.flushEvents(display, 100);
			}
		}
		return done.getAsBoolean();
	}

	// ------------------------------------------------------------------ the ruler

	/** Double-clicks the editor's vertical ruler beside {@code line} (from 1), as the mouse does. */
	private void doubleClickRuler(ITextEditor editor, int line) {
		Control column = rulerColumn(editor, line);
		int y = rulerY(editor, line);
		for (int type : new int[] { SWT.MouseDown, SWT.MouseUp, SWT.MouseDown, SWT.MouseDoubleClick, SWT.MouseUp }) {
			Event click = new Event();
			click.button = 1;
			click.x = 4;
			click.y = y;
			click.count = type == SWT.MouseDoubleClick ? 2 : 1;
			column.notifyListeners(type, click);
		}
		Workbenches.flushEvents(display);
	}

	/** The ruler's context menu as it opens after a right-click beside {@code line}: its items' texts. */
	private List<String> rulerMenu(ITextEditor editor, int line) {
		Menu menu = openRulerMenu(editor, line);
		List<String> items = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			items.add(label(item));
		}
		menu.notifyListeners(SWT.Hide, new Event());
		return items;
	}

	/** Chooses {@code label} in the ruler's context menu beside {@code line}. */
	private void clickRulerMenu(ITextEditor editor, int line, String label) {
		Menu menu = openRulerMenu(editor, line);
		for (MenuItem item : menu.getItems()) {
			if (label(item).equals(label)) {
				menu.notifyListeners(SWT.Hide, new Event());
				item.notifyListeners(SWT.Selection, new Event());
				Workbenches.flushEvents(display);
				return;
			}
		}
		throw new AssertionError("no " + label + " in the ruler's menu");
	}

	/** A menu item's text without its mnemonic and the accelerator after the tab. */
	private static String label(MenuItem item) {
		return item.getText().replace("&", "").replaceFirst("\t.*", "");
	}

	private Menu openRulerMenu(ITextEditor editor, int line) {
		Control column = rulerColumn(editor, line);
		Event right = new Event();
		right.button = 3;
		right.x = 4;
		right.y = rulerY(editor, line);
		column.notifyListeners(SWT.MouseDown, right);
		column.notifyListeners(SWT.MouseUp, right);
		// the menu belongs to the ruler as a whole, its columns share it
		Menu menu = column.getMenu() != null ? column.getMenu() : editor.getAdapter(IVerticalRulerInfo.class).getControl().getMenu();
		assertNotNull(menu, "the ruler has no context menu");
		menu.notifyListeners(SWT.Show, new Event());
		return menu;
	}

	/** The ruler's leftmost column, where breakpoints show, after checking that it maps {@code y} to the line. */
	private Control rulerColumn(ITextEditor editor, int line) {
		IVerticalRulerInfo ruler = editor.getAdapter(IVerticalRulerInfo.class);
		Control control = ruler.getControl();
		Control column = control instanceof Composite composite && composite.getChildren().length > 0 ? composite.getChildren()[0] : control;
		assertEquals(line - 1, ruler.toDocumentLineNumber(rulerY(editor, line)), "the ruler's y is not the line's");
		return column;
	}

	private static int rulerY(ITextEditor editor, int line) {
		StyledText text = ((ISourceViewer) editor.getAdapter(ITextOperationTarget.class)).getTextWidget();
		return text.getLinePixel(line - 1) + text.getLineHeight() / 2;
	}

	/** The annotation of {@code type} on {@code line} (from 1) of the editor, or null. */
	private static Annotation annotationOnLine(ITextEditor editor, String type, int line) {
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
		IAnnotationModel model = viewer.getAnnotationModel();
		IDocument document = viewer.getDocument();
		for (var it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			Position p = model.getPosition(a);
			try {
				if (p != null && type.equals(a.getType()) && document.getLineOfOffset(p.getOffset()) == line - 1) {
					return a;
				}
			} catch (org.eclipse.jface.text.BadLocationException e) {
				// moved away meanwhile
			}
		}
		return null;
	}

	/** In the open "Properties for" dialog: {@code condition} in the Condition field, then OK. */
	private void fillPropertiesDialog(String condition) {
		Shell dialog = display.getActiveShell();
		for (Shell s : display.getShells()) {
			if (s.getText().startsWith("Properties for")) {
				dialog = s;
			}
		}
		if (dialog == null || !dialog.getText().startsWith("Properties for")) {
			display.timerExec(200, () -> fillPropertiesDialog(condition));
			return;
		}
		List<Control> all = new ArrayList<>();
		collect(dialog, all);
		Text field = null;
		for (Control c : all) {
			if (c instanceof Text t && "a Lua expression; stops only when it is true".equals(t.getMessage())) {
				field = t;
			}
		}
		assertNotNull(field, "no Condition field in the breakpoint's properties");
		field.setText(condition);
		for (Control c : all) {
			if (c instanceof Button b && b.getText().replace("&", "").equals("Apply and Close")
					|| c instanceof Button b2 && b2.getText().replace("&", "").equals("OK")) {
				((Button) c).notifyListeners(SWT.Selection, new Event());
				return;
			}
		}
		throw new AssertionError("no OK button in the breakpoint's properties");
	}

	// ------------------------------------------------------------------ views

	private static Tree tree(IViewPart view) {
		return (Tree) ((AbstractDebugView) view).getViewer().getControl();
	}

	/**
	 * Checks that the Variables view shows {@code expected} for {@code name} in the Upvalues scope,
	 * expanding the scope as a user clicks its arrow. Waits for it: after a step the view shows
	 * the old frame's rows a moment before it fetches the new ones.
	 */
	private void assertUpvalue(Tree variables, String name, String expected) {
		List<String> last = new ArrayList<>(List.of("no Upvalues scope"));
		String shown = await(() -> {
			TreeItem scope = find(variables, text -> text.equals("Upvalues"));
			if (scope == null) {
				return null;
			}
			if (!scope.getExpanded()) {
				Event expand = new Event();
				expand.item = scope;
				variables.notifyListeners(SWT.Expand, expand);
				scope.setExpanded(true);
				return null;
			}
			for (TreeItem child : scope.getItems()) {
				if (child.getText(0).equals(name) || child.getText(0).startsWith(name + "= ")) {
					last.set(0, name + " shows " + value(child));
					return expected.equals(value(child)) ? expected : null;
				}
			}
			last.set(0, "no " + name + " under Upvalues");
			return null;
		});
		if (shown == null) {
			screenshotOfFailure();
		}
		assertEquals(expected, shown, () -> last.get(0) + "; the Variables view:\n" + texts(variables) + "\nthe Debug view:\n"
				+ texts(tree(page.findView(IDebugUIConstants.ID_DEBUG_VIEW))));
	}

	/** The value a variable's row shows: its Value column, or what follows "= " without columns. */
	private static String value(TreeItem row) {
		if (row.getParent().getColumnCount() > 1) {
			return row.getText(1);
		}
		String text = row.getText(0);
		return text.contains("= ") ? text.substring(text.indexOf("= ") + 2) : "";
	}

	private <T> T await(java.util.function.Supplier<T> found) {
		long until = System.currentTimeMillis() + PATIENCE_MS;
		T value = found.get();
		while (value == null && System.currentTimeMillis() < until) {
			Workbenches.flushEvents(display, 100);
			value = found.get();
		}
		return value;
	}

	private static TreeItem find(Tree tree, java.util.function.Predicate<String> wanted) {
		return find(tree.getItems(), wanted);
	}

	private static TreeItem find(TreeItem[] items, java.util.function.Predicate<String> wanted) {
		for (TreeItem item : items) {
			if (wanted.test(item.getText())) {
				return item;
			}
			TreeItem inside = find(item.getItems(), wanted);
			if (inside != null) {
				return inside;
			}
		}
		return null;
	}

	private static String texts(Tree tree) {
		List<String> all = new ArrayList<>();
		texts(tree.getItems(), "", all);
		return String.join("\n", all);
	}

	private static void texts(TreeItem[] items, String indent, List<String> all) {
		for (TreeItem item : items) {
			all.add(indent + item.getText() + (item.getParent().getColumnCount() > 1 ? " | " + item.getText(1) : ""));
			texts(item.getItems(), indent + "  ", all);
		}
	}

	/** The tool item of {@code tooltip} anywhere in {@code shell}, or null. */
	private static ToolItem toolItem(Shell shell, String tooltip) {
		List<Control> all = new ArrayList<>();
		collect(shell, all);
		for (Control c : all) {
			if (c instanceof ToolBar bar && bar.isVisible()) {
				for (ToolItem item : bar.getItems()) {
					if (item.getToolTipText() != null && item.getToolTipText().startsWith(tooltip)) {
						return item;
					}
				}
			}
		}
		return null;
	}

	/**
	 * The text of the hover over {@code offset} of {@code text} once it holds {@code wanted}, or
	 * null. The mouse rests there again every few seconds: a hover computed while the views were
	 * still settling is not shown again by itself.
	 */
	private String hover(StyledText text, int offset, String wanted, List<String> seen) {
		long until = System.currentTimeMillis() + PATIENCE_MS;
		while (System.currentTimeMillis() < until) {
			Point at = text.getLocationAtOffset(offset);
			Workbenches.hover(text, at.x + 2, at.y + text.getLineHeight() / 2);
			long again = System.currentTimeMillis() + 5_000;
			while (System.currentTimeMillis() < again) {
				Workbenches.flushEvents(display, 100);
				for (Shell s : display.getShells()) {
					for (Control c : all(s)) {
						if (s.isVisible() && s != text.getShell() && c instanceof StyledText info && !info.getText().isBlank()) {
							if (info.getText().contains(wanted)) {
								return info.getText();
							}
							if (!seen.contains(info.getText())) {
								seen.add(info.getText());
							}
						}
					}
				}
			}
			moveMouseAway();
		}
		return null;
	}

	private static Event selection(TreeItem item) {
		Event event = new Event();
		event.item = item;
		return event;
	}

	/** Closes a hover as the mouse leaving it does. */
	private void moveMouseAway() {
		Event move = new Event();
		move.type = SWT.MouseMove;
		move.x = 5;
		move.y = display.getBounds().height - 5;
		display.post(move);
		Workbenches.flushEvents(display);
	}

	private void screenshotOfFailure() {
		try {
			Workbenches.screenshot(display, "debug-failure.png");
		} catch (java.io.IOException e) {
			// the assertion's message says enough
		}
	}

	private static List<Control> all(Composite root) {
		List<Control> all = new ArrayList<>();
		collect(root, all);
		return all;
	}

	/**
	 * Gives {@code view}'s stack {@code percent} of the width (or height) it shares with its
	 * neighbours, as a user drags the sash: the labels in the screenshot are read in full.
	 */
	private static void widen(IViewPart view, int percent) {
		// a view of a perspective sits in its stack through a placeholder
		MPart part = view.getSite().getService(MPart.class);
		MPlaceholder holder = part.getCurSharedRef();
		MUIElement stack = holder != null ? holder.getParent() : part.getParent();
		if (stack == null || stack.getParent() == null) {
			return;
		}
		List<? extends MUIElement> siblings = stack.getParent().getChildren();
		for (MUIElement sibling : siblings) {
			sibling.setContainerData(Integer.toString(sibling == stack ? percent * 100 : (100 - percent) * 100 / (siblings.size() - 1)));
		}
	}

	private static void collect(Composite root, List<Control> all) {
		for (Control child : root.getChildren()) {
			all.add(child);
			if (child instanceof Composite inner) {
				collect(inner, all);
			}
		}
	}
}
