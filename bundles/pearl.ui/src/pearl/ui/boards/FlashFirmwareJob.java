package pearl.ui.boards;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import pearl.device.rom.FirmwareFlasher;
import pearl.device.rom.FlashImage;
import pearl.device.rom.FlashLog;
import pearl.device.rom.FlashResult;
import pearl.device.rom.FlashWriter;
import pearl.device.rom.RomTimeouts;
import pearl.ui.PearlUi;

/**
 * Flashes a board in the background: one unit of progress per 1 KB block, and each step in the
 * board's console ("NodeMCU board on PORT"), as {@code pearl flash} prints them. The job's result
 * names what failed.
 */
public final class FlashFirmwareJob extends Job {

    private final FirmwareFlasher.Request request;
    private final RomTimeouts timeouts;

    /** A job for {@code request} with esptool's waits. */
    public FlashFirmwareJob(FirmwareFlasher.Request request) {
        this(request, RomTimeouts.DEFAULT);
    }

    /** A job for {@code request} with other waits (tests need not sit through seven resets). */
    public FlashFirmwareJob(FirmwareFlasher.Request request, RomTimeouts timeouts) {
        super("Flashing firmware to " + request.port());
        this.request = request;
        this.timeouts = timeouts;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        int blocks = 0;
        for (FlashImage image : request.images()) {
            blocks += (image.alignedBytes().length + FlashWriter.BLOCK - 1) / FlashWriter.BLOCK;
        }
        monitor.beginTask(getName(), blocks);
        Log log = new Log(request.port(), monitor);
        try {
            FlashResult result = new FirmwareFlasher(timeouts).flash(request, log);
            if (result != null && !result.verified()) {
                return new Status(IStatus.WARNING, PearlUi.PLUGIN_ID, "Flashed, but not verified: " + log.unverifiedReason());
            }
            return new Status(IStatus.OK, PearlUi.PLUGIN_ID, "Flashed and verified");
        } catch (IOException e) {
            log.line("failed: " + e.getMessage());
            return new Status(IStatus.ERROR, PearlUi.PLUGIN_ID, "Flashing " + request.port() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** The steps, into the board's console; the blocks, into the progress monitor. */
    private static final class Log extends FlashLog {
        private final String port;
        private final IProgressMonitor monitor;

        Log(String port, IProgressMonitor monitor) {
            this.port = port;
            this.monitor = monitor;
        }

        @Override
        protected void line(String text) {
            Display display = Display.getDefault();
            if (!display.isDisposed()) {
                display.asyncExec(() -> BoardConsoles.show(port, "flash: " + text + "\n"));
            }
        }

        @Override
        public void regionStarted(FlashImage image, int blocks) {
            monitor.subTask(image.label());
        }

        @Override
        public void blockWritten(FlashImage image, int block, int blocks) {
            monitor.worked(1);
        }
    }
}
