package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;

import pearl.lua.ui.LuaEditor;

/** A Lua file opens in the Lua editor, coloured as a Lua user expects. */
class LuaEditorTest {

	private static final String BLINK = """
			-- blink the LED on GPIO 4 twice a second
			local pin = 4
			gpio.mode(pin, gpio.OUTPUT)
			local t = tmr.create()
			t:alarm(500, tmr.ALARM_AUTO, function()
			  gpio.write(pin, gpio.read(pin) == 1 and 0 or 1)
			  print("heap", node.heap())
			end)
			""";

	private static StyleRange styleAt(StyledText text, String source, String word) {
		StyleRange style = text.getStyleRangeAtOffset(source.indexOf(word));
		assertNotNull(style, "no colour on '" + word + "'");
		return style;
	}

	@Test
	void aLuaFileOpensInTheLuaEditorWithLuasColours() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "init.lua", BLINK);
		assertEquals(LuaEditor.ID, editor.getSite().getId(), "init.lua did not open in the Lua editor");
		StyledText text = (StyledText) editor.getAdapter(Control.class);
		Workbenches.flushEvents(text.getDisplay());

		StyleRange keyword = styleAt(text, BLINK, "local");
		assertTrue((keyword.fontStyle & SWT.BOLD) != 0, "keywords are bold: " + keyword);
		assertEquals(new RGB(127, 0, 85), keyword.foreground.getRGB());
		assertEquals(new RGB(63, 127, 95), styleAt(text, BLINK, "-- blink").foreground.getRGB());
		assertEquals(new RGB(42, 0, 255), styleAt(text, BLINK, "\"heap\"").foreground.getRGB());
		assertEquals(new RGB(0, 128, 128), styleAt(text, BLINK, "500").foreground.getRGB());
		Workbenches.screenshot(text.getDisplay(), "lua-editor.png");
	}

	@Test
	void aLeakedGlobalIsFlaggedWhileTypingAndTheFlagGoesWhenItIsMadeLocal() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "counter.lua", "print(node.heap())\n");
		StyledText text = (StyledText) editor.getAdapter(Control.class);
		text.replaceTextRange(0, 0, "count = 0\n");
		List<String> flagged = Workbenches.annotationsOnceSettled(editor, a -> a.stream().anyMatch(t -> t.endsWith("[global-write]")));
		assertTrue(flagged.stream().anyMatch(t -> t.contains("'count'") && t.endsWith("[global-write]")), flagged.toString());
		Workbenches.screenshot(text.getDisplay(), "lua-editor-diagnostic.png");

		text.replaceTextRange(0, 0, "local ");
		List<String> fixed = Workbenches.annotationsOnceSettled(editor, a -> a.stream().noneMatch(t -> t.endsWith("[global-write]")));
		assertTrue(fixed.stream().noneMatch(t -> t.endsWith("[global-write]")), fixed.toString());
		LuaFiles.close(editor);
	}

	@Test
	void typingALongCommentRecoloursTheRestOfTheFile() throws Exception {
		IEditorPart editor = LuaFiles.open("blink", "comment.lua", "local a = 1\nlocal b = 2\n");
		StyledText text = (StyledText) editor.getAdapter(Control.class);
		text.replaceTextRange(0, 0, "--[[\n");
		Workbenches.flushEvents(text.getDisplay());
		StyleRange later = text.getStyleRangeAtOffset(text.getText().indexOf("local b"));
		assertNotNull(later);
		assertEquals(new RGB(63, 127, 95), later.foreground.getRGB(), "an open --[[ comments out what follows");
		LuaFiles.close(editor);
	}
}
