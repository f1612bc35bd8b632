package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.PageBookView;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.LuaEditor;
import pearl.lua.ui.assist.LuaHyperlinkDetector;

/** What a NodeMCU developer does all day in the Lua editor: completion, outline, navigation, hover, folding, indenting, commenting. */
class LuaEditingTest {

	private static final String APP = """
			local M = {}

			local function blink(pin)
			  gpio.write(pin, gpio.read(pin) == 1 and 0 or 1)
			end

			function M.start(pin)
			  gpio.mode(pin, gpio.OUTPUT)
			  local t = tmr.create()
			  t:alarm(500, tmr.ALARM_AUTO, function()
			    blink(pin)
			  end)
			  return t
			end

			return M
			""";

	private static StyledText textOf(IEditorPart editor) {
		return (StyledText) editor.getAdapter(Control.class);
	}

	private static ProjectionViewer viewerOf(IEditorPart editor) {
		return (ProjectionViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	/** The proposals table of the open completion popup, or null. */
	private static Table completionTable(Display display) {
		for (Shell shell : display.getShells()) {
			if (shell.isVisible() && shell.getParent() != null) {
				Table table = find(shell, Table.class);
				// the list computes in the background and says so in its first row meanwhile
				if (table != null && table.getItemCount() > 0 && !table.getItem(0).getText().startsWith("Computing")) {
					return table;
				}
			}
		}
		return null;
	}

	private static <T extends Control> T find(Composite parent, Class<T> type) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
			if (child instanceof Composite composite) {
				T inner = find(composite, type);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	@Test
	void typingADotAfterTmrOffersItsFunctionsAndPickingCreateInsertsIt() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "timer.lua", "local t = tmr\n");
		StyledText text = textOf(editor);
		Display display = text.getDisplay();
		text.setFocus();
		text.setCaretOffset("local t = tmr".length());
		Workbenches.flushEvents(display);
		Workbenches.type(text, ".");
		Table table = Workbenches.await(display, () -> completionTable(display));
		assertNotNull(table, "no completion popup after typing '.' behind tmr");
		List<String> labels = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			labels.add(item.getText());
		}
		int create = -1;
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).startsWith("create")) {
				create = i;
			}
		}
		assertTrue(create >= 0, "tmr.create is not offered: " + labels);
		assertTrue(labels.stream().noneMatch(l -> l.startsWith("print")), "a global function offered after 'tmr.': " + labels);
		table.setSelection(create);
		Workbenches.flushEvents(display);
		Workbenches.screenshot(display, "completion-popup.png");
		Workbenches.press(text, SWT.CR);
		String now = Workbenches.await(display, () -> text.getText().startsWith("local t = tmr.create") ? text.getText() : null);
		assertNotNull(now, "picking create did not insert it: " + text.getText());
		LuaFiles.close(editor);
	}

	@Test
	void ctrlSpaceCompletesTheOnlyNameThatFitsAtOnce() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "locals.lua", "local heapFloor = 4096\nprint(heapF)\n");
		StyledText text = textOf(editor);
		text.setCaretOffset("local heapFloor = 4096\nprint(heapF".length());
		((ITextEditor) editor).getAction("ContentAssistProposal").run();
		String completed = Workbenches.await(text.getDisplay(), () -> text.getText().contains("heapFloor)") ? text.getText() : null);
		Table list = completionTable(text.getDisplay());
		assertEquals("local heapFloor = 4096\nprint(heapFloor)\n", completed,
				list == null ? text.getText() : "a list opened: " + java.util.Arrays.stream(list.getItems()).map(TableItem::getText).toList());
		LuaFiles.close(editor);
	}

	@Test
	void ctrl1OnALeakedGlobalOffersToMakeItLocalAndDoingSoClearsTheWarning() throws Exception {
		String source = "count = 0\nprint(count)\n";
		IEditorPart editor = LuaFiles.open("blink", "quickfix.lua", source);
		StyledText text = textOf(editor);
		Display display = text.getDisplay();
		Workbenches.annotationsOnceSettled(editor, a -> a.stream().anyMatch(t -> t.endsWith("[global-write]")));
		text.setCaretOffset(2);
		((ITextEditor) editor).getAction(ITextEditorActionConstants.QUICK_ASSIST).run();
		Table table = Workbenches.await(display, () -> completionTable(display));
		assertNotNull(table, "Ctrl+1 on a leaked global offers no fix");
		List<String> titles = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			titles.add(item.getText());
		}
		assertEquals("Make 'count' local", titles.get(0), "the preferred fix comes first: " + titles);
		Workbenches.flushEvents(display, 300); // let the list paint before the picture
		Workbenches.screenshot(display, "quick-fix.png");
		Workbenches.press(text, SWT.CR);
		assertEquals("local count = 0\nprint(count)\n", text.getText());
		List<String> after = Workbenches.annotationsOnceSettled(editor, a -> a.stream().noneMatch(t -> t.endsWith("[global-write]")));
		assertTrue(after.stream().noneMatch(t -> t.endsWith("[global-write]")), after.toString());
		LuaFiles.close(editor);
	}

	@Test
	void theOutlineListsTheModulesFunctionsAndChoosingOneSelectsIt() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "app.lua", APP);
		Display display = textOf(editor).getDisplay();
		IViewPart outline = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(IPageLayout.ID_OUTLINE);
		editor.getSite().getPage().activate(editor);
		Tree tree = Workbenches.await(display, () -> {
			Tree found = outlineTree(outline);
			return found != null && found.getItemCount() > 0 ? found : null;
		});
		assertNotNull(tree, "the outline stays empty");
		List<String> names = new ArrayList<>();
		collect(tree.getItems(), names);
		assertTrue(names.stream().anyMatch(n -> n.startsWith("blink")), names.toString());
		assertTrue(names.stream().anyMatch(n -> n.startsWith("start") || n.startsWith("M.start")), names.toString());
		Workbenches.screenshot(display, "outline.png");

		TreeItem start = item(tree.getItems(), "start");
		assertNotNull(start, names.toString());
		tree.setSelection(start);
		Event event = new Event();
		event.item = start;
		tree.notifyListeners(SWT.Selection, event);
		Workbenches.flushEvents(display);
		ITextSelection selection = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
		assertEquals(APP.indexOf("M.start"), selection.getOffset(), "choosing start in the outline selects its name: " + selection.getText());
		assertTrue(selection.getText().endsWith("start"), selection.getText());
		LuaFiles.close(editor);
	}

	private static Tree outlineTree(IViewPart outline) {
		Control control = ((PageBookView) outline).getCurrentPage().getControl();
		return control instanceof Tree tree ? tree : null;
	}

	private static void collect(TreeItem[] items, List<String> names) {
		for (TreeItem item : items) {
			names.add(item.getText());
			item.setExpanded(true);
			collect(item.getItems(), names);
		}
	}

	private static TreeItem item(TreeItem[] items, String prefix) {
		for (TreeItem item : items) {
			if (item.getText().startsWith(prefix) || item.getText().startsWith("M." + prefix)) {
				return item;
			}
			TreeItem inner = item(item.getItems(), prefix);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	@Test
	void ctrlClickOnARequiredModulesFunctionOpensItsDefinition() throws Exception {
		LuaFiles.file("nav", "app.lua", APP);
		String init = "local app = require(\"app\")\napp.start(4)\n";
		IEditorPart editor = LuaFiles.open("nav", "init.lua", init);
		Display display = textOf(editor).getDisplay();
		LuaEditor lua = (LuaEditor) editor;
		IHyperlink[] links = new LuaHyperlinkDetector(lua::analyse).detectHyperlinks(viewerOf(editor), new Region(init.indexOf("start") + 1, 0), false);
		assertNotNull(links, "no link on app.start");
		assertEquals(new Region(init.indexOf("start"), "start".length()), links[0].getHyperlinkRegion());
		links[0].open();
		Workbenches.flushEvents(display);
		IEditorPart opened = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
		assertEquals("app.lua", opened.getEditorInput().getName());
		ITextSelection selection = (ITextSelection) ((ITextEditor) opened).getSelectionProvider().getSelection();
		assertEquals(APP.indexOf("M.start") + 2, selection.getOffset(), "the link lands on the function's name: " + selection.getText());
		LuaFiles.close(opened);
		LuaFiles.close(editor);
	}

	@Test
	void hoveringAFirmwareFunctionShowsItsDocumentation() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "hover.lua", "local t = tmr.create()\n");
		StyledText text = textOf(editor);
		Display display = text.getDisplay();
		Workbenches.flushEvents(display);
		Point at = text.getLocationAtOffset("local t = tmr.cr".length());
		Workbenches.hover(text, at.x + 2, at.y + text.getLineHeight() / 2);
		String shown = Workbenches.await(display, () -> {
			for (Shell shell : display.getShells()) {
				StyledText info = shell.isVisible() && shell != text.getShell() ? find(shell, StyledText.class) : null;
				if (info != null && info.getText().contains("create")) {
					return info.getText();
				}
			}
			return null;
		});
		assertNotNull(shown, "no hover over tmr.create");
		assertTrue(shown.contains("tmr.create"), shown);
		assertTrue(!shown.contains("`"), "markdown marks in the hover: " + shown);
		assertTrue(!shown.contains("changed line"), "the hover repeats the quick diff: " + shown);
		Workbenches.screenshot(display, "hover.png");
		LuaFiles.close(editor);
	}

	@Test
	void aLeakedGlobalStandsOutInBoldRed() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "leak.lua", "local total = 0\ncount = 0\nprint(total, count)\n");
		StyledText text = textOf(editor);
		StyleRange leaked = Workbenches.await(text.getDisplay(), () -> {
			StyleRange style = text.getStyleRangeAtOffset(text.getText().indexOf("count"));
			return style != null && style.foreground != null && style.foreground.getRGB().equals(new RGB(190, 0, 0)) ? style : null;
		});
		assertNotNull(leaked, "the leaked global 'count' is not marked: " + text.getStyleRangeAtOffset(text.getText().indexOf("count")));
		assertTrue((leaked.fontStyle & SWT.BOLD) != 0);
		StyleRange squiggled = Workbenches.await(text.getDisplay(), () -> {
			StyleRange style = text.getStyleRangeAtOffset(text.getText().indexOf("count"));
			return style != null && style.underline && (style.underlineStyle == SWT.UNDERLINE_SQUIGGLE || style.underlineStyle == SWT.UNDERLINE_ERROR)
					? style
					: null;
		});
		assertNotNull(squiggled, "the warning's squiggle is lost under the colours: " + text.getStyleRangeAtOffset(text.getText().indexOf("count")));
		StyleRange local = text.getStyleRangeAtOffset(text.getText().indexOf("total"));
		assertTrue(local == null || local.foreground == null || !local.foreground.getRGB().equals(new RGB(190, 0, 0)), "a local is marked as leaked");
		LuaFiles.close(editor);
	}

	@Test
	void functionsFoldAndUnfold() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "fold.lua", APP);
		ProjectionViewer viewer = viewerOf(editor);
		Display display = viewer.getTextWidget().getDisplay();
		ProjectionAnnotation fold = Workbenches.await(display, () -> {
			for (Iterator<Annotation> it = viewer.getProjectionAnnotationModel().getAnnotationIterator(); it.hasNext();) {
				Annotation annotation = it.next();
				if (annotation instanceof ProjectionAnnotation projection
						&& viewer.getProjectionAnnotationModel().getPosition(projection).getOffset() == APP.indexOf("function M.start")) {
					return projection;
				}
			}
			return null;
		});
		assertNotNull(fold, "no fold on function M.start");
		int lines = viewer.getTextWidget().getLineCount();
		viewer.getProjectionAnnotationModel().collapse(fold);
		Workbenches.flushEvents(display);
		// the body folds away; "end" stays, closing the folded line as a user reads it
		assertEquals(lines - 6, viewer.getTextWidget().getLineCount(), "collapsing M.start hides its body");
		assertTrue(viewer.getTextWidget().getText().contains("function M.start(pin)\nend\n"), viewer.getTextWidget().getText());
		viewer.getProjectionAnnotationModel().expand(fold);
		LuaFiles.close(editor);
	}

	@Test
	void enterIndentsABlockAndTypingEndOutdentsIt() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "indent.lua", "");
		StyledText text = textOf(editor);
		Display display = text.getDisplay();
		text.setFocus();
		Workbenches.type(text, "if x then\nprint(x)\nend\n");
		Workbenches.flushEvents(display);
		String unit = text.getText().split("\n")[1].replace("print(x)", "");
		assertTrue(unit.equals("\t") || unit.matches(" +"), "the body is indented one level: '" + unit + "'");
		assertEquals("if x then\n" + unit + "print(x)\nend\n", text.getText());
		LuaFiles.close(editor);
	}

	@Test
	void toggleCommentCommentsTheSelectedLinesAndUncommentsThem() throws Exception {
		String source = "local a = 1\n  local b = 2\nprint(a, b)\n";
		IEditorPart editor = LuaFiles.open("blink", "comment-lines.lua", source);
		ITextEditor text = (ITextEditor) editor;
		text.selectAndReveal(0, source.indexOf("print"));
		text.getAction("ToggleComment").run();
		StyledText widget = textOf(editor);
		assertEquals("--local a = 1\n--  local b = 2\nprint(a, b)\n", widget.getText());
		text.selectAndReveal(0, widget.getText().indexOf("print"));
		text.getAction("ToggleComment").run();
		assertEquals(source, widget.getText());
		LuaFiles.close(editor);
	}
}
