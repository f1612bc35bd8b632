package pearl.ui.views;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import pearl.emulator.Priority;
import pearl.launch.boards.BoardMonitor;
import pearl.launch.boards.BoardMonitor.WaitingTask;
import pearl.launch.boards.RunningBoard;

/**
 * The Scheduler view: the board's three task queues as they are now, with what waits in each, and
 * a timeline of the tasks that ran over the last seconds of virtual time.
 */
public final class SchedulerView extends BoardViewPart {

    private static final long[] WINDOWS = { 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000, 30_000_000, 60_000_000 };
    private static final int DEFAULT_WINDOW = 3;

    private Tree queues;
    private Combo window;
    private TimelineChart chart;
    private Object queuesShown;

    @Override
    protected void createBody(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        queues = new Tree(sash, SWT.BORDER | SWT.FULL_SELECTION);
        queues.setHeaderVisible(true);
        queues.setLinesVisible(true);
        column("Queue / task", 180);
        column("Waiting", 64);
        column("Set up at", 80);
        Composite right = new Composite(sash, SWT.NONE);
        GridLayout grid = new GridLayout(2, false);
        grid.marginHeight = 0;
        right.setLayout(grid);
        new Label(right, SWT.NONE).setText("Last");
        window = new Combo(right, SWT.READ_ONLY);
        for (long span : WINDOWS) {
            window.add(Figures.axisSeconds(span, span) + " of virtual time");
        }
        window.select(DEFAULT_WINDOW);
        window.addListener(SWT.Selection, e -> refresh());
        chart = new TimelineChart(right);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        sash.setWeights(30, 70);
    }

    private void column(String name, int width) {
        TreeColumn column = new TreeColumn(queues, SWT.LEFT);
        column.setText(name);
        column.setWidth(width);
    }

    @Override
    protected String show(RunningBoard board, BoardMonitor.Snapshot seen) {
        chart.show(Timeline.of(seen, WINDOWS[Math.max(0, window.getSelectionIndex())]));
        showQueues(seen.queues(), seen.running());
        return String.format("%s virtual time, %,d tasks run, %d longer than 15 ms, %d watchdog resets, %d events lost",
                Figures.seconds(seen.nowMicros()), seen.tasksRun(), seen.longTasks(), seen.watchdogResets().size(),
                seen.dropped().size());
    }

    private void showQueues(Map<Priority, List<WaitingTask>> waiting, WaitingTask running) {
        List<Object> now = List.of(waiting, running == null ? "idle" : running);
        if (now.equals(queuesShown)) {
            return;
        }
        queuesShown = now;
        queues.setRedraw(false);
        queues.removeAll();
        TreeItem current = new TreeItem(queues, SWT.NONE);
        current.setText(new String[] { "Running: " + (running == null ? "nothing" : running.source()), "", "" });
        for (Priority priority : new Priority[] { Priority.HIGH, Priority.MEDIUM, Priority.LOW }) {
            List<WaitingTask> tasks = waiting.get(priority);
            TreeItem queue = new TreeItem(queues, SWT.NONE);
            queue.setText(new String[] { priority.name(), Integer.toString(tasks.size()), "" });
            for (WaitingTask task : tasks) {
                TreeItem item = new TreeItem(queue, SWT.NONE);
                item.setText(new String[] { task.source(), "", task.origin() == null ? "" : task.origin() });
            }
            queue.setExpanded(true);
        }
        queues.deselectAll();
        queues.setRedraw(true);
    }

    @Override
    protected Control focusTarget() {
        // not the queue table: focusing it would select its first row
        return chart.control();
    }

    /** The queue table: a row for the running task, then one per priority with its waiting tasks below. */
    public Tree queueTree() {
        return queues;
    }

    /** What the timeline draws now. */
    public Timeline timeline() {
        return chart.timeline();
    }

    /** Shows the last {@code micros} of virtual time on the timeline, as choosing it in the view does; false if not offered. */
    public boolean showWindow(long micros) {
        for (int i = 0; i < WINDOWS.length; i++) {
            if (WINDOWS[i] == micros) {
                window.select(i);
                refresh();
                return true;
            }
        }
        return false;
    }
}
