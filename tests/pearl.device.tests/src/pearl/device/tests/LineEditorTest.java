package pearl.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import pearl.device.repl.LineEditor;

/** The console's local editing: what the user sees and what the board gets. */
class LineEditorTest {

    private static String type(LineEditor editor, String keys) {
        StringBuilder sent = new StringBuilder();
        for (char c : keys.toCharArray()) {
            LineEditor.Effect e = editor.key(c);
            if (e.send() != null) {
                sent.append(e.send());
            }
        }
        return sent.toString();
    }

    @Test
    void aLineGoesToTheBoardOnlyAtEnterWithTyposFixed() {
        LineEditor editor = new LineEditor();
        assertEquals("", type(editor, "print(1x\u007f)"));
        assertEquals("print(1)", editor.line());
        assertEquals("print(1)\r\n", type(editor, "\r"));
    }

    @Test
    void upAndDownRecallEarlierLines() {
        LineEditor editor = new LineEditor();
        type(editor, "a=1\rb=2\r");
        type(editor, "\u001b[A");
        assertEquals("b=2", editor.line());
        type(editor, "\u001b[A");
        assertEquals("a=1", editor.line());
        type(editor, "\u001b[B");
        assertEquals("b=2", editor.line());
        assertEquals("b=2\r\n", type(editor, "\r"));
    }

    @Test
    void ctrlBracketQuits() {
        LineEditor.Effect e = new LineEditor().key(0x1d);
        assertTrue(e.quit());
        assertNull(e.send());
    }

    @Test
    void theBoardsEchoOfALineShownLocallyIsNotShownTwice() {
        LineEditor.EchoFilter filter = new LineEditor.EchoFilter();
        filter.sent("print(1)");
        assertEquals("", filter.filter("prin"));
        assertEquals("\r\n1\r\n> ", filter.filter("t(1)\r\n1\r\n> "));
        assertEquals("tick\r\n", filter.filter("tick\r\n"));
    }

    @Test
    void aConsoleThatEndedTheTypedLineItselfSeesNeitherTheEchoNorItsLineEnd() {
        LineEditor.EchoFilter filter = new LineEditor.EchoFilter(true);
        filter.sent("print(6*7)");
        assertEquals("", filter.filter("print(6*7)\r"));
        assertEquals("42\r\n> ", filter.filter("\n42\r\n> "));
        filter.sent("");
        assertEquals("> ", filter.filter("\r\n> "));
        assertEquals("\r\ntick\r\n", filter.filter("\r\ntick\r\n"));
    }
}
