package pearl.launch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Run mode: the launch's process is the board; its output stream is the UART, its input the REPL. */
class EmulatorRunTest {

    @AfterEach
    void clean() throws Exception {
        Workspaces.clean();
    }

    @Test
    void aRunInVirtualTimePrintsTheUartAndEnds() throws Exception {
        IFile init = Workspaces.project("ticker", Workspaces.TICKER);
        try (DebugEvents events = new DebugEvents()) {
            ILaunch launch = Workspaces.emulator(init.getProject(), "5s", false).launch(ILaunchManager.RUN_MODE, null);
            assertNull(launch.getDebugTarget(), "run mode has no debug target");
            assertEquals(1, launch.getProcesses().length);
            IProcess board = launch.getProcesses()[0];
            events.await(DebugEvent.TERMINATE, -1, board);
            assertEquals(0, board.getExitValue());
            String uart = board.getStreamsProxy().getOutputStreamMonitor().getContents();
            assertTrue(uart.contains("booted"), uart);
            // five seconds of virtual time: four or five ticks, the upvalue counting by two
            assertTrue(uart.contains("tick\t2\t2") && uart.contains("tick\t8\t8"), uart);
            assertTrue(!uart.contains("tick\t12"), uart);
            assertTrue(launch.isTerminated());
        }
    }

    @Test
    void whatTheUserTypesReachesTheRepl() throws Exception {
        IFile init = Workspaces.project("repl", "print(\"ready\")\n");
        ILaunch launch = Workspaces.emulator(init.getProject(), "", true).launch(ILaunchManager.RUN_MODE, null);
        IProcess board = launch.getProcesses()[0];
        IStreamMonitor uart = board.getStreamsProxy().getOutputStreamMonitor();
        await(() -> uart.getContents().contains("ready"), uart);
        board.getStreamsProxy().write("print(6 * 7)\n");
        await(() -> uart.getContents().contains("42"), uart);
        assertTrue(board.canTerminate());
        board.terminate();
        await(board::isTerminated, uart);
        assertTrue(launch.isTerminated());
    }

    @Test
    void aProjectThatIsNotThereIsRefusedWithItsName() throws Exception {
        IFile init = Workspaces.project("gone", "print(1)\n");
        var config = Workspaces.emulator(init.getProject(), "1s", false);
        init.getProject().delete(true, true, null);
        try {
            config.launch(ILaunchManager.RUN_MODE, null);
            fail("launched a project that does not exist");
        } catch (org.eclipse.core.runtime.CoreException e) {
            assertTrue(e.getMessage().contains("'gone'"), e.getMessage());
        }
    }

    static void await(BooleanSupplier condition, IStreamMonitor uart) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DebugEvents.TIMEOUT_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited in vain; UART so far:\n" + uart.getContents());
            }
            Thread.sleep(10);
        }
    }
}
