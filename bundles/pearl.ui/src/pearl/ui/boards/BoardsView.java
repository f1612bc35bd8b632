package pearl.ui.boards;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import pearl.device.SerialPorts;
import pearl.emulator.PtyDirectory;
import pearl.launch.boards.RunningBoard;
import pearl.launch.boards.RunningBoards;

/**
 * The Boards view: the serial ports present (where a real board may be plugged in, or where an
 * emulated board of {@code pearl run --pty} listens) and the emulated boards of this workbench's
 * launches, ended ones marked terminated. Selecting a board
 * or a port makes the SPIFFS view show its files.
 */
public final class BoardsView extends ViewPart {

    /** The view's id in plugin.xml. */
    public static final String ID = "pearl.ui.boardsView";
    /** The heading of the serial ports. */
    public static final String PORTS = "Serial ports";
    /** The heading of the emulated boards. */
    public static final String EMULATED = "Emulated boards";
    /** What the ports heading holds when there are none. */
    public static final String NO_PORTS = "(none found)";

    /**
     * A serial port in the tree: selecting it shows the files of the board on it. {@code note}
     * says what serves a pseudo-terminal (an emulated board of {@code pearl run --pty}); empty for
     * a real port.
     */
    public record SerialPort(String name, String note) {

        /** A real port. */
        public SerialPort(String name) {
            this(name, "");
        }

        @Override
        public String toString() {
            return note.isEmpty() ? name : name + "  (" + note + ")";
        }
    }

    private TreeViewer viewer;
    private volatile List<String> ports;
    private volatile List<PtyDirectory.Entry> terminals = List.of();
    private final RunningBoards.Listener boards = new RunningBoards.Listener() {
        @Override
        public void added(RunningBoard board) {
            update();
        }

        @Override
        public void ended(RunningBoard board) {
            update();
        }

        @Override
        public void removed(RunningBoard board) {
            update();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new Contents());
        viewer.setLabelProvider(new Labels());
        viewer.setInput(this);
        viewer.expandAll();
        viewer.addDoubleClickListener(e -> {
            Object element = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (element instanceof RunningBoard || element instanceof SerialPort) {
                try {
                    getSite().getPage().showView(SpiffsView.ID);
                } catch (PartInitException ex) {
                    // the SPIFFS view cannot open: the selection still reaches it when it does
                }
            }
        });
        getSite().setSelectionProvider(viewer);
        RunningBoards.get().addListener(boards);

        Action refresh = new Action("Refresh Serial Ports", BoardImages.REFRESH) {
            @Override
            public void run() {
                refreshPorts();
            }
        };
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        Action flash = new Action("Flash Firmware...") {
            @Override
            public void run() {
                openFlashDialog();
            }
        };
        flash.setToolTipText("Write NodeMCU firmware (and a file-system image) to the board on a serial port");
        getViewSite().getActionBars().getToolBarManager().add(flash);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            if (((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof SerialPort) {
                m.add(flash);
            }
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        refreshPorts();
    }

    /**
     * Asks what to flash, on the selected port if one is selected, and flashes it in the
     * background.
     *
     * @return the dialog, once closed
     */
    public FlashFirmwareDialog openFlashDialog() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        FlashFirmwareDialog dialog = new FlashFirmwareDialog(getSite().getShell(), selected instanceof SerialPort port ? port.name() : "");
        if (dialog.open() == org.eclipse.jface.window.Window.OK) {
            new FlashFirmwareJob(dialog.request()).schedule();
        }
        return dialog;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        RunningBoards.get().removeListener(boards);
        super.dispose();
    }

    /** Looks for serial ports again, off the UI thread (the operating system may take a moment). */
    public void refreshPorts() {
        Job job = Job.create("Looking for serial ports", (IProgressMonitor monitor) -> {
            terminals = PtyDirectory.list();
            try {
                ports = SerialPorts.present();
            } catch (RuntimeException | LinkageError e) {
                // jssc without its native part: no ports can be used either
                ports = List.of();
                return new Status(IStatus.WARNING, pearl.ui.PearlUi.PLUGIN_ID, "cannot list serial ports: " + e.getMessage(), e);
            }
            update();
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The serial ports shown (null until they have been looked for). */
    public List<String> ports() {
        return ports;
    }

    /** The emulated boards shown, as the tree has them now. */
    public List<RunningBoard> boards() {
        return java.util.Arrays.stream(viewer.getTree().getItems()).filter(i -> i.getText().equals(EMULATED))
                .flatMap(i -> java.util.Arrays.stream(i.getItems())).map(i -> (RunningBoard) i.getData()).toList();
    }

    /** The tree's labels, heading by heading, for a test to read what a user sees. */
    public List<String> labels() {
        List<String> labels = new java.util.ArrayList<>();
        for (var heading : viewer.getTree().getItems()) {
            labels.add(heading.getText());
            for (var item : heading.getItems()) {
                labels.add("  " + item.getText());
            }
        }
        return labels;
    }

    private void update() {
        var display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    viewer.refresh();
                    viewer.expandAll();
                }
            });
        }
    }

    private final class Contents implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return new Object[] { PORTS, EMULATED };
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (parent == PORTS) {
                List<String> now = ports;
                if (now == null) {
                    return new Object[0];
                }
                // jssc does not list pseudo-terminals: Pearl's emulated boards on them come from the PtyDirectory
                List<SerialPort> all = new java.util.ArrayList<>(now.stream().map(SerialPort::new).toList());
                for (PtyDirectory.Entry t : terminals) {
                    if (!now.contains(t.device())) {
                        all.add(new SerialPort(t.device(), t.label() + ", pid " + t.pid()));
                    }
                }
                return all.isEmpty() ? new Object[] { NO_PORTS } : all.toArray();
            }
            if (parent == EMULATED) {
                return RunningBoards.get().all().toArray();
            }
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof RunningBoard ? EMULATED : element instanceof SerialPort || element == NO_PORTS ? PORTS : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element == PORTS || element == EMULATED;
        }
    }

    private static final class Labels extends LabelProvider {
        @Override
        public Image getImage(Object element) {
            if (element instanceof RunningBoard board) {
                return DebugUITools.getImage(board.ended() ? IDebugUIConstants.IMG_OBJS_LAUNCH_RUN_TERMINATED : IDebugUIConstants.IMG_OBJS_LAUNCH_RUN);
            }
            if (element == PORTS || element == EMULATED) {
                return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FOLDER);
            }
            return element == NO_PORTS ? null : PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_ELEMENT);
        }
    }
}
