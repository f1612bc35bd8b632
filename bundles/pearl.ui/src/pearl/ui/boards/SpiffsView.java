package pearl.ui.boards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import pearl.launch.boards.BoardFileSystem;
import pearl.launch.boards.BoardStorage;
import pearl.launch.boards.BoardStorage.BoardFile;
import pearl.launch.boards.BoardStorage.Listing;
import pearl.launch.boards.RunningBoard;
import pearl.launch.emulator.EmulatorAttributes;
import pearl.ui.PearlUi;

/**
 * The SPIFFS view: the files on the followed board (emulated, or real on a serial port) with their
 * sizes and write counts, kept up to date as an emulated board writes, and the actions a user
 * takes on them (open, run, delete, download to the workspace, upload from it). A
 * {@link BoardStorage} does the work off the UI thread.
 */
public final class SpiffsView extends ViewPart {

    /** The view's id in plugin.xml. */
    public static final String ID = "pearl.ui.spiffsView";
    private static final String TEXT_EDITOR = "org.eclipse.ui.DefaultTextEditor";

    private TableViewer viewer;
    private final TableColumnLayout columns = new TableColumnLayout();
    private FollowedBoard followed;
    private BoardStorage files;
    private AutoCloseable watch;
    private List<BoardFile> shown = List.of();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final List<BoardAction> actions = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(columns);
        viewer = new TableViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        // the name takes the width there is; the numbers keep theirs, next to it
        column("Name", new ColumnWeightData(100, 160), SWT.LEFT, BoardFile::name);
        column("Size", new ColumnPixelData(90), SWT.RIGHT, f -> NumberFormat.getIntegerInstance().format(f.size()));
        column("Writes", new ColumnPixelData(70), SWT.RIGHT, f -> f.writes() < 0 ? "" : Integer.toString(f.writes()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(shown);
        makeActions();
        viewer.addSelectionChangedListener(e -> updateActions());
        viewer.addDoubleClickListener(e -> selected().forEach(this::open));
        getSite().setSelectionProvider(viewer);

        followed = new FollowedBoard(getSite().getWorkbenchWindow(), this::follow);
        followed.start();
    }

    private void column(String title, ColumnLayoutData width, int alignment, Function<BoardFile, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        columns.setColumnData(column.getColumn(), width);
        column.getColumn().setAlignment(alignment);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((BoardFile) element);
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object element) {
                return title.equals("Name") ? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FILE) : null;
            }
        });
    }

    private void makeActions() {
        BoardAction refresh = new BoardAction("Refresh", BoardImages.REFRESH, false, false, this::refresh);
        BoardAction open = new BoardAction("Open", null, true, false, () -> selected().forEach(this::open));
        BoardAction run = new BoardAction("Run", DebugUITools.getImageDescriptor(IDebugUIConstants.IMG_ACT_RUN), true, true,
                () -> selected().forEach(this::run));
        BoardAction upload = new BoardAction("Upload...", BoardImages.UPLOAD, false, true, this::askUpload);
        BoardAction download = new BoardAction("Download...", BoardImages.DOWNLOAD, true, false, this::askDownload);
        BoardAction delete = new BoardAction("Delete",
                PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_DELETE), true, true, this::askDelete);
        run.setToolTipText("Run the file at the board's REPL (dofile)");
        upload.setToolTipText("Upload files to the board");
        download.setToolTipText("Download the files into the workspace");
        actions.addAll(List.of(refresh, open, run, upload, download, delete));

        IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
        for (IAction action : List.of(run, upload, download, delete, refresh)) {
            toolBar.add(action);
        }
        MenuManager menu = new MenuManager();
        menu.add(open);
        menu.add(run);
        menu.add(new Separator());
        menu.add(download);
        menu.add(upload);
        menu.add(delete);
        menu.add(new Separator());
        menu.add(refresh);
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        updateActions();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (followed != null) {
            followed.stop();
        }
        stopWatching();
        super.dispose();
    }

    /** The emulated board whose files the view shows, or null. */
    public RunningBoard board() {
        return files instanceof BoardFileSystem emulated ? emulated.board() : null;
    }

    /** The files the view works on (an emulated board's or a serial port's), or null. */
    public BoardStorage storage() {
        return files;
    }

    /** Shows the files of emulated {@code board} (null: none) until another board is selected. */
    public void show(RunningBoard board) {
        followed.show(board);
    }

    /** Shows {@code files}, a board's emulated or on a serial port, until another board is selected. */
    public void show(BoardStorage files) {
        followed.show(files);
    }

    /** The files the view shows now. */
    public List<BoardFile> files() {
        return shown;
    }

    /** What the view says above its table: the board and the space used on it. */
    public String description() {
        return getContentDescription();
    }

    private void follow(BoardStorage board) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (files != board) {
            stopWatching();
            files = board;
            shown = List.of();
            viewer.setInput(shown);
            if (files != null) {
                watch = files.watch(name -> scheduleRefresh());
            }
        }
        refresh();
    }

    private void stopWatching() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // closing a watch only forgets a listener
            }
            watch = null;
        }
    }

    /** Reads the board's files again; the table changes when the board answers. */
    public void refresh() {
        updateActions();
        BoardStorage asked = files;
        if (asked == null) {
            setContentDescription("No board: run a NodeMCU project in the emulator, or pick a serial port in the Boards view.");
            return;
        }
        asked.list().whenComplete((listing, failure) -> onUi(() -> {
            if (asked != files || viewer.getControl().isDisposed()) {
                return; // another board was selected meanwhile
            }
            if (failure != null) {
                setContentDescription(title(asked) + ": " + cause(failure).getMessage());
                return;
            }
            shown = listing.files();
            viewer.setInput(shown);
            setContentDescription(describe(asked, listing));
            updateActions();
        }));
    }

    private static String title(BoardStorage board) {
        return board.label() + (board.ended() ? " (terminated)" : "");
    }

    private static String describe(BoardStorage board, Listing listing) {
        NumberFormat n = NumberFormat.getIntegerInstance();
        return title(board) + " \u2014 " + listing.files().size() + (listing.files().size() == 1 ? " file, " : " files, ") + n.format(listing.used())
                + " of " + n.format(listing.total()) + " bytes used";
    }

    /** A burst of writes (a script logging in a loop) makes one refresh, not one per write. */
    private void scheduleRefresh() {
        if (!refreshScheduled.getAndSet(true)) {
            onUi(() -> Display.getCurrent().timerExec(200, () -> {
                refreshScheduled.set(false);
                if (!viewer.getControl().isDisposed()) {
                    refresh();
                }
            }));
        }
    }

    /** Opens the board's file {@code name} read-only in an editor (the Lua editor for Lua). */
    public CompletableFuture<IEditorPart> open(String name) {
        BoardStorage board = files;
        return files.read(name).thenApplyAsync(bytes -> {
            if (bytes == null) {
                throw new IllegalStateException(name + " is no longer on the board");
            }
            IEditorDescriptor editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(name);
            try {
                return getSite().getPage().openEditor(new BoardFileInput(board.label(), name, bytes),
                        editor == null || !editor.isInternal() ? TEXT_EDITOR : editor.getId());
            } catch (PartInitException e) {
                throw new CompletionException(e);
            }
        }, this::onUi).whenComplete((editor, failure) -> report("Cannot open " + name, failure));
    }

    /**
     * Runs the board's file {@code name} at its REPL. An emulated board's output shows in its
     * launch's console; a serial board's answer in a console of its port.
     */
    public CompletableFuture<String> run(String name) {
        BoardStorage board = files;
        return board.run(name).whenComplete((output, failure) -> {
            report("Cannot run " + name, failure);
            if (output != null) {
                onUi(() -> BoardConsoles.show(board.label(), "> dofile(\"" + name + "\")\n" + output + "\n"));
            }
        });
    }

    /** Removes the files {@code names} from the board. */
    public CompletableFuture<Void> delete(List<String> names) {
        return CompletableFuture.allOf(names.stream().map(files::delete).toArray(CompletableFuture[]::new))
                .whenComplete((v, failure) -> changed("Cannot delete", failure));
    }

    /** Writes the files at {@code paths} to the board under their own names. */
    public CompletableFuture<Void> upload(List<Path> paths) {
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            try {
                byte[] bytes = Files.readAllBytes(path);
                writes.add(files.write(name, bytes).thenApply(fitted -> {
                    if (!fitted) {
                        throw new IllegalStateException(name + " (" + bytes.length + " bytes) does not fit in the space left on the board");
                    }
                    return true;
                }));
            } catch (IOException e) {
                writes.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((v, failure) -> changed("Cannot upload", failure));
    }

    /** Copies the board's files {@code names} into {@code folder} of the workspace, replacing files there. */
    public CompletableFuture<Void> download(List<String> names, IContainer folder) {
        List<CompletableFuture<Void>> copies = new ArrayList<>();
        for (String name : names) {
            copies.add(files.read(name).thenAcceptAsync(bytes -> {
                if (bytes == null) {
                    throw new IllegalStateException(name + " is no longer on the board");
                }
                IFile file = folder.getFile(IPath.fromPortableString(name));
                try {
                    if (file.exists()) {
                        file.setContents(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.KEEP_HISTORY, null);
                    } else {
                        file.create(new ByteArrayInputStream(bytes), IResource.FORCE, null);
                    }
                } catch (CoreException e) {
                    throw new CompletionException(e);
                }
            }, this::onUi));
        }
        return CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).whenComplete((v, failure) -> report("Cannot download", failure));
    }

    /** The workspace project the board was launched from, or null. */
    IProject project() {
        RunningBoard board = board();
        if (board == null) {
            return null;
        }
        try {
            String name = board.launch().getLaunchConfiguration() == null ? ""
                    : board.launch().getLaunchConfiguration().getAttribute(EmulatorAttributes.PROJECT, "");
            IProject project = name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            return project != null && project.isOpen() ? project : null;
        } catch (CoreException e) {
            return null;
        }
    }

    private void askUpload() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Upload to " + files.label());
        IProject project = project();
        if (project != null && project.getLocation() != null) {
            dialog.setFilterPath(project.getLocation().toOSString());
        }
        if (dialog.open() == null) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (String name : dialog.getFileNames()) {
            paths.add(Path.of(dialog.getFilterPath(), name));
        }
        upload(paths);
    }

    private void askDownload() {
        List<String> names = selected();
        ContainerSelectionDialog dialog = new ContainerSelectionDialog(getSite().getShell(), project(), true,
                "Download " + String.join(", ", names) + " into:");
        dialog.setTitle("Download from " + files.label());
        if (dialog.open() != ContainerSelectionDialog.OK || dialog.getResult() == null || dialog.getResult().length == 0) {
            return;
        }
        IPath path = (IPath) dialog.getResult()[0];
        IResource target = ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        if (target instanceof IContainer folder) {
            download(names, folder);
        }
    }

    private void askDelete() {
        List<String> names = selected();
        if (MessageDialog.openConfirm(getSite().getShell(), "Delete from " + files.label(),
                "Delete " + String.join(", ", names) + " from the board's flash?")) {
            delete(names);
        }
    }

    private List<String> selected() {
        List<String> names = new ArrayList<>();
        for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
            names.add(((BoardFile) element).name());
        }
        return names;
    }

    private void updateActions() {
        boolean haveBoard = files != null;
        boolean running = haveBoard && !files.ended();
        boolean haveSelection = !viewer.getSelection().isEmpty();
        for (BoardAction action : actions) {
            action.setEnabled(haveBoard && (running || !action.changesBoard) && (haveSelection || !action.needsSelection));
        }
    }

    /** After a change: the list again (a real board does not tell of its changes), or what failed. */
    private void changed(String what, Throwable failure) {
        report(what, failure);
        onUi(() -> {
            if (!viewer.getControl().isDisposed()) {
                refresh();
            }
        });
    }

    private void report(String what, Throwable failure) {
        if (failure == null) {
            return;
        }
        Throwable cause = cause(failure);
        onUi(() -> StatusManager.getManager().handle(new Status(IStatus.ERROR, PearlUi.PLUGIN_ID, what + ": " + cause.getMessage(), cause),
                StatusManager.SHOW | StatusManager.LOG));
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void onUi(Runnable action) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(action);
        }
    }

    /** A view action on the followed board: some need a file selected, some change the board (not once it ended). */
    private static final class BoardAction extends Action {
        final boolean needsSelection;
        final boolean changesBoard;
        private final Runnable work;

        BoardAction(String text, ImageDescriptor image, boolean needsSelection, boolean changesBoard, Runnable work) {
            super(text, image);
            this.needsSelection = needsSelection;
            this.changesBoard = changesBoard;
            this.work = work;
            if (image != null) {
                // some shared icons have no greyed twin; without one a disabled button looks pressable
                setDisabledImageDescriptor(ImageDescriptor.createWithFlags(image, SWT.IMAGE_DISABLE));
            }
        }

        @Override
        public void run() {
            work.run();
        }
    }
}
