package pearl.ui.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import pearl.launch.boards.BoardMonitor;
import pearl.launch.boards.BoardMonitor.HeapSample;
import pearl.launch.boards.BoardMonitor.RegistrySample;

/**
 * The Heap view's chart over the monitor's whole history: free heap (left axis, bytes) under the
 * budget line, the registry's size (right axis, entries), reboots as red lines.
 */
final class HeapChart {

    private static final int LEFT = 78;
    private static final int RIGHT = 64;
    private static final int TOP = 26;
    private static final int BOTTOM = 26;
    private static final Color FREE = new Color(41, 128, 185);
    private static final Color FREE_FILL = new Color(214, 234, 248);

    private final Canvas canvas;
    private BoardMonitor.Snapshot seen;

    HeapChart(Composite parent) {
        canvas = ChartPainting.canvas(parent, this::paint);
    }

    Canvas control() {
        return canvas;
    }

    /** The heap samples it draws now (none before the first board). */
    List<HeapSample> samples() {
        return seen == null ? List.of() : seen.heap();
    }

    void show(BoardMonitor.Snapshot snapshot) {
        boolean changed = seen == null || !snapshot.heap().equals(seen.heap()) || !snapshot.reboots().equals(seen.reboots())
                || snapshot.nowMicros() != seen.nowMicros();
        seen = snapshot;
        if (changed) {
            canvas.redraw();
        }
    }

    private void paint(GC gc, Rectangle area) {
        if (seen == null) {
            return;
        }
        Rectangle plot = new Rectangle(LEFT, TOP, Math.max(1, area.width - LEFT - RIGHT), Math.max(1, area.height - TOP - BOTTOM));
        long start = seen.heap().isEmpty() ? 0 : Math.min(seen.heap().get(0).micros(), firstReboot());
        long end = Math.max(start + 1_000_000, seen.nowMicros());
        long top = seen.heapBudget() + seen.heapBudget() / 10;
        bytesAxis(gc, plot, top);
        ChartPainting.timeAxis(gc, plot, start, end);
        int maxEntries = seen.registry().stream().mapToInt(RegistrySample::entries).max().orElse(0);
        long entriesStep = Figures.niceStep(maxEntries + 1, 4);
        long entriesTop = (maxEntries / entriesStep + 1) * entriesStep;
        entriesAxis(gc, plot, entriesTop, entriesStep);

        List<HeapSample> heap = seen.heap();
        if (!heap.isEmpty()) {
            int[] line = new int[heap.size() * 2];
            int[] fill = new int[heap.size() * 2 + 4];
            for (int i = 0; i < heap.size(); i++) {
                line[2 * i] = x(plot, heap.get(i).micros(), start, end);
                line[2 * i + 1] = y(plot, heap.get(i).freeBytes(), top);
            }
            System.arraycopy(line, 0, fill, 0, line.length);
            fill[line.length] = line[line.length - 2];
            fill[line.length + 1] = plot.y + plot.height;
            fill[line.length + 2] = line[0];
            fill[line.length + 3] = plot.y + plot.height;
            gc.setBackground(FREE_FILL);
            gc.fillPolygon(fill);
            gc.setForeground(FREE);
            gc.setLineWidth(2);
            gc.drawPolyline(line);
        }
        List<RegistrySample> registry = seen.registry();
        if (!registry.isEmpty()) {
            int[] line = new int[registry.size() * 2];
            for (int i = 0; i < registry.size(); i++) {
                line[2 * i] = x(plot, registry.get(i).micros(), start, end);
                line[2 * i + 1] = plot.y + plot.height - (int) (registry.get(i).entries() * plot.height / entriesTop);
            }
            gc.setForeground(ChartPainting.REGISTRY);
            gc.setLineWidth(2);
            gc.drawPolyline(line);
        }
        gc.setLineWidth(1);
        int budgetY = y(plot, seen.heapBudget(), top);
        gc.setForeground(ChartPainting.BUDGET);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setLineWidth(2);
        gc.drawLine(plot.x, budgetY, plot.x + plot.width, budgetY);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
        gc.drawText("budget " + Figures.bytes(seen.heapBudget()), plot.x + 4, budgetY - gc.textExtent("b").y - 1, true);
        for (BoardMonitor.Reboot reboot : seen.reboots()) {
            if (reboot.micros() >= start) {
                ChartPainting.marker(gc, plot, x(plot, reboot.micros(), start, end), ChartPainting.REBOOT, "reboot: " + reboot.reason());
            }
        }
        ChartPainting.legend(gc, area.width - RIGHT, 4, new Color[] { FREE, ChartPainting.REGISTRY, ChartPainting.BUDGET, ChartPainting.REBOOT },
                new String[] { "free heap (bytes, left)", "registry entries (right)", "heap budget", "reboot" });
    }

    private long firstReboot() {
        return seen.reboots().isEmpty() ? Long.MAX_VALUE : seen.reboots().get(0).micros();
    }

    private static int x(Rectangle plot, long micros, long start, long end) {
        return plot.x + (int) ((micros - start) * plot.width / (end - start));
    }

    private static int y(Rectangle plot, long bytes, long top) {
        return plot.y + plot.height - (int) (bytes * plot.height / top);
    }

    private static void bytesAxis(GC gc, Rectangle plot, long top) {
        gc.setForeground(ChartPainting.AXIS);
        gc.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        long step = Figures.niceStep(top, Math.max(2, plot.height / 50));
        for (long b = 0; b <= top; b += step) {
            int y = y(plot, b, top);
            gc.setForeground(ChartPainting.GRID);
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            String label = String.format(java.util.Locale.ROOT, "%,d", b);
            Point size = gc.textExtent(label);
            gc.setForeground(ChartPainting.TEXT);
            gc.drawText(label, plot.x - size.x - 6, y - size.y / 2, true);
        }
    }

    private static void entriesAxis(GC gc, Rectangle plot, long top, long step) {
        int right = plot.x + plot.width;
        gc.setForeground(ChartPainting.AXIS);
        gc.drawLine(right, plot.y, right, plot.y + plot.height);
        for (long n = 0; n <= top; n += step) {
            int y = plot.y + plot.height - (int) (n * plot.height / top);
            String label = Long.toString(n);
            Point size = gc.textExtent(label);
            gc.setForeground(ChartPainting.REGISTRY);
            gc.drawLine(right, y, right + 4, y);
            gc.drawText(label, right + 7, y - size.y / 2, true);
        }
    }
}
