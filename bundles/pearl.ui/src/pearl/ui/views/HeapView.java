package pearl.ui.views;

import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import pearl.emulator.HeapBreakdown;
import pearl.launch.boards.BoardMonitor;
import pearl.launch.boards.BoardMonitor.HeapSample;
import pearl.launch.boards.RunningBoard;

/**
 * The Heap view: free heap over virtual time against the board's budget, with the registry's size
 * (the FAQ's leak signal) and reboots; below, where the heap went by object type at the newest sample.
 */
public final class HeapView extends BoardViewPart {

    private HeapChart chart;
    private Table breakdown;
    private HeapBreakdown breakdownShown;

    @Override
    protected void createBody(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        chart = new HeapChart(sash);
        breakdown = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        breakdown.setHeaderVisible(true);
        breakdown.setLinesVisible(true);
        column("Object type", 140, SWT.LEFT);
        column("Bytes", 100, SWT.RIGHT);
        column("Objects", 80, SWT.RIGHT);
        column("Share", 80, SWT.RIGHT);
        column("", 10, SWT.LEFT); // takes the rest of the width, which the last column gets
        sash.setWeights(3, 2);
    }

    private void column(String name, int width, int align) {
        TableColumn column = new TableColumn(breakdown, align);
        column.setText(name);
        column.setWidth(width);
    }

    @Override
    protected String show(RunningBoard board, BoardMonitor.Snapshot seen) {
        chart.show(seen);
        HeapSample last = seen.lastHeap();
        if (last == null) {
            return "no heap sample yet";
        }
        showBreakdown(last.used());
        return String.format(Locale.ROOT, "free heap %s of %s budget at %s, registry %d entries, %s used by Lua objects",
                Figures.bytes(last.freeBytes()), Figures.bytes(seen.heapBudget()), Figures.seconds(last.micros()),
                seen.registryEntries(), Figures.bytes(last.used().total()));
    }

    private void showBreakdown(HeapBreakdown used) {
        if (used.equals(breakdownShown)) {
            return;
        }
        breakdownShown = used;
        breakdown.setRedraw(false);
        breakdown.removeAll();
        Map<String, Integer> counts = Map.of("strings", used.stringCount(), "tables", used.tableCount(), "functions",
                used.functionCount(), "userdata", used.userdataCount(), "threads", used.threadCount());
        for (Map.Entry<String, Long> type : used.byType().entrySet()) {
            TableItem row = new TableItem(breakdown, SWT.NONE);
            Integer count = counts.get(type.getKey());
            row.setText(new String[] { type.getKey(), String.format(Locale.ROOT, "%,d", type.getValue()),
                    count == null ? "" : Integer.toString(count),
                    String.format(Locale.ROOT, "%.1f %%", 100.0 * type.getValue() / Math.max(1, used.total())) });
        }
        TableItem total = new TableItem(breakdown, SWT.NONE);
        total.setText(new String[] { "total", String.format(Locale.ROOT, "%,d", used.total()), "", "100.0 %" });
        breakdown.setRedraw(true);
    }

    /** The breakdown table: a row per object type of the newest sample, then the total. */
    public Table breakdownTable() {
        return breakdown;
    }

    /** The heap samples the chart draws now. */
    public java.util.List<HeapSample> chartSamples() {
        return chart.samples();
    }
}
