package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.launch.boards.BoardFileSystem;
import pearl.launch.boards.BoardStorage.BoardFile;
import pearl.device.repl.SerialLink;
import pearl.launch.boards.BoardPty;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.SerialBoardFileSystem;
import pearl.lua.ui.LuaEditor;
import pearl.ui.PearlUi;
import pearl.ui.boards.SpiffsView;

/** The SPIFFS view shows a running board's files as the board has them, and what it does reaches the board. */
class SpiffsViewTest {

    /** Writes log.txt three times (13 bytes), then prints "ready". */
    static final String LOGGER = """
            local f = file.open("log.txt", "w")
            for _, word in ipairs({ "one ", "two ", "three" }) do
              f:write(word)
            end
            f:close()
            print("ready")
            """;

    @AfterEach
    void clean() throws Exception {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        BoardLaunches.clean();
    }

    @Test
    void theViewListsTheBoardsFilesAndItsActionsChangeTheBoard() throws Exception {
        Display display = Display.getCurrent();
        IWorkbenchPage page = nodeMcuPerspective();
        RunningBoard board = BoardLaunches.runUntilReady(display, "spiffs", LOGGER);
        ILaunch launch = board.launch();
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("spiffs");
        BoardFileSystem onBoard = new BoardFileSystem(board);

        SpiffsView view = (SpiffsView) page.showView(SpiffsView.ID);
        assertNotNull(Workbenches.await(display, () -> view.files().stream().anyMatch(f -> f.name().equals("log.txt")) ? view : null),
                "the view does not list log.txt: " + view.files());
        assertSame(board, view.board(), "the view does not show the newest running board");
        // the view shows what the board has: names, sizes, write counts, as a user reads them
        assertEquals(onBoard.list().get(10, TimeUnit.SECONDS).files(), view.files());
        assertTrue(rows(view).contains("log.txt | 13 | 3"), rows(view).toString());
        assertTrue(view.description().startsWith(board.label()) && view.description().contains("bytes used"), view.description());

        // upload: the file reaches the board, and the view hears the board's file change
        Path local = Files.createTempDirectory("upload").resolve("hello.lua");
        Files.writeString(local, "print(\"hello from \" .. 6 * 7)\n");
        done(display, view.upload(List.of(local)));
        assertArrayEquals(Files.readAllBytes(local), onBoard.read("hello.lua").get(10, TimeUnit.SECONDS));
        awaitRow(display, view, "hello.lua | " + Files.size(local) + " | 1");

        // run: dofile at the board's REPL prints to the UART
        assertEquals(null, done(display, view.run("hello.lua")), "the emulated board's answer goes to its launch's console");
        String uart = BoardLaunches.awaitUart(display, launch, "hello from 42");
        assertTrue(uart.contains("hello from 42"), uart);

        // download into the project: the same bytes as on the board
        done(display, view.download(List.of("log.txt"), project));
        IFile downloaded = project.getFile("log.txt");
        assertTrue(downloaded.exists());
        assertEquals("one two three", new String(downloaded.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));

        // open: the board's init.lua, read-only in the Lua editor
        IEditorPart editor = done(display, view.open("init.lua"));
        assertEquals(LuaEditor.ID, editor.getSite().getId());
        ITextEditor text = (ITextEditor) editor;
        assertEquals(LOGGER, text.getDocumentProvider().getDocument(editor.getEditorInput()).get());
        assertFalse(text.isEditable(), "editing the board's copy would not reach the board");
        assertEquals("init.lua (board)", editor.getTitle());
        page.activate(view);

        // delete: gone from the board and from the view
        done(display, view.delete(List.of("log.txt")));
        assertFalse(onBoard.list().get(10, TimeUnit.SECONDS).files().stream().anyMatch(f -> f.name().equals("log.txt")));
        assertNotNull(Workbenches.await(display, () -> view.files().stream().noneMatch(f -> f.name().equals("log.txt")) ? view : null),
                "log.txt is still listed: " + view.files());

        view.getSite().getSelectionProvider().setSelection(new StructuredSelection(view.files().get(0)));
        Workbenches.flushEvents(display);
        Workbenches.screenshot(display, "spiffs-view.png");
    }

    @Test
    void aTerminatedBoardStaysReadableAndItsFilesCannotBeChanged() throws Exception {
        Display display = Display.getCurrent();
        RunningBoard board = BoardLaunches.runUntilReady(display, "ended", LOGGER);
        SpiffsView view = spiffsView();
        view.show(board);
        board.launch().terminate();
        assertNotNull(Workbenches.await(display, () -> board.ended() && view.description().contains("(terminated)") ? view : null),
                "the view does not say the board ended: " + view.description());
        assertTrue(view.files().contains(new BoardFile("log.txt", 13, 3)), view.files().toString());
        assertEquals(List.of("Download...", "Refresh"), enabledActions(view), "only reading is offered on an ended board");
    }

    /** The texts of the actions a user can press now on the view's toolbar. */
    static List<String> enabledActions(SpiffsView view) {
        view.getSite().getSelectionProvider().setSelection(new StructuredSelection(view.files().get(0)));
        List<String> enabled = new ArrayList<>();
        for (var item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (item instanceof org.eclipse.jface.action.ActionContributionItem action && action.getAction().isEnabled()) {
                enabled.add(action.getAction().getText());
            }
        }
        return enabled;
    }

    @Test
    void aBoardOnASerialPortShowsItsFilesAndRunsThemIntoAConsoleOfItsOwn() throws Exception {
        Display display = Display.getCurrent();
        RunningBoard board = BoardLaunches.runUntilReady(display, "serial", LOGGER);
        SpiffsView view = spiffsView();
        // the emulated board on a pseudo-terminal stands in for a real one on its USB port
        try (BoardPty pty = BoardPty.open(board)) {
            view.show(new SerialBoardFileSystem(pty.device(), SerialLink.DEFAULT_BAUD));
            awaitRow(display, view, "log.txt | 13 | ");
            assertTrue(view.description().startsWith(pty.device() + " \u2014 "), view.description());
            assertEquals(null, view.board(), "a serial board is not an emulated one");

            Path local = Files.createTempDirectory("upload").resolve("hello.lua");
            Files.writeString(local, "print(\"hello from \" .. 6 * 7)\n");
            done(display, view.upload(List.of(local)));
            // the board does not tell of its changes: the view lists again after its own
            awaitRow(display, view, "hello.lua | " + Files.size(local) + " | ");
            assertEquals("hello from 42", done(display, view.run("hello.lua")));
            MessageConsole console = Workbenches.await(display, () -> Arrays.stream(ConsolePlugin.getDefault().getConsoleManager().getConsoles())
                    .filter(c -> c.getName().contains(pty.device()) && ((MessageConsole) c).getDocument().get().contains("hello from 42"))
                    .map(MessageConsole.class::cast).findFirst().orElse(null));
            assertNotNull(console, "the answer is in no console");
            spiffsView();
            Workbenches.flushEvents(display);
            Workbenches.screenshot(display, "spiffs-view-serial.png");
            ConsolePlugin.getDefault().getConsoleManager().removeConsoles(new IConsole[] { console });
        }
    }

    /** The SPIFFS view of the NodeMCU perspective, brought to the top. */
    static SpiffsView spiffsView() throws Exception {
        return (SpiffsView) nodeMcuPerspective().showView(SpiffsView.ID);
    }

    static IWorkbenchPage nodeMcuPerspective() throws Exception {
        var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(PearlUi.PERSPECTIVE, window);
        return window.getActivePage();
    }

    /** What {@code work} gave, once done; the UI runs meanwhile, as the view finishes its work there. */
    private static <T> T done(Display display, CompletableFuture<T> work) {
        assertNotNull(Workbenches.await(display, () -> work.isDone() ? work : null), "the view's work did not end");
        return work.join();
    }

    private static void awaitRow(Display display, SpiffsView view, String row) {
        assertNotNull(Workbenches.await(display, () -> rows(view).contains(row) ? row : null), "no row " + row + " in " + rows(view));
    }

    /** The table's rows as the user reads them: "name | size | writes". */
    static List<String> rows(SpiffsView view) {
        List<String> rows = new ArrayList<>();
        for (TableItem item : table(view).getItems()) {
            rows.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2));
        }
        return rows;
    }

    static Table table(SpiffsView view) {
        Control control = view.getSite().getSelectionProvider() instanceof org.eclipse.jface.viewers.Viewer viewer ? viewer.getControl() : null;
        return (Table) control;
    }
}
