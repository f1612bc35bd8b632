package pearl.ui.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import pearl.emulator.Priority;
import pearl.emulator.TaskRun;

/**
 * The Scheduler view's timeline: a lane per priority, a bar per task as wide as its estimated
 * duration (at least two pixels), long tasks in orange and labelled, watchdog resets and reboots
 * as red lines, a time axis below. Hovering a bar tells what the task was.
 */
final class TimelineChart {

    private static final int LEFT = 76;
    private static final int RIGHT = 16;
    private static final int TOP = 26;
    private static final int BOTTOM = 26;
    private static final Priority[] LANES = { Priority.HIGH, Priority.MEDIUM, Priority.LOW };

    private final Canvas canvas;
    private Timeline timeline;

    TimelineChart(Composite parent) {
        canvas = ChartPainting.canvas(parent, this::paint);
        canvas.addListener(SWT.MouseMove, e -> {
            TaskRun run = runAt(e.x, e.y);
            String tip = run == null ? null
                    : run.source() + " (" + run.priority() + ")\nstarted at " + Figures.seconds(run.startMicros()) + ", ran "
                            + Figures.duration(run.durationMicros()) + (Timeline.isLong(run) ? " \u2014 longer than 15 ms" : "");
            if (tip == null ? canvas.getToolTipText() != null : !tip.equals(canvas.getToolTipText())) {
                canvas.setToolTipText(tip);
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** What it draws now (null before the first board). */
    Timeline timeline() {
        return timeline;
    }

    void show(Timeline shown) {
        if (!shown.equals(timeline)) {
            timeline = shown;
            canvas.redraw();
        }
    }

    private Rectangle plot() {
        Rectangle area = canvas.getClientArea();
        return new Rectangle(LEFT, TOP, Math.max(1, area.width - LEFT - RIGHT), Math.max(3, area.height - TOP - BOTTOM));
    }

    private int x(Rectangle plot, long micros) {
        return plot.x + (int) ((micros - timeline.startMicros()) * plot.width / Math.max(1, timeline.endMicros() - timeline.startMicros()));
    }

    private Rectangle bar(Rectangle plot, TaskRun run) {
        int lane = List.of(LANES).indexOf(run.priority());
        int laneHeight = plot.height / LANES.length;
        int x0 = Math.max(plot.x, x(plot, run.startMicros()));
        int x1 = Math.min(plot.x + plot.width, x(plot, run.startMicros() + run.durationMicros()));
        return new Rectangle(x0, plot.y + lane * laneHeight + laneHeight / 4, Math.max(2, x1 - x0), laneHeight / 2);
    }

    private TaskRun runAt(int x, int y) {
        if (timeline == null) {
            return null;
        }
        Rectangle plot = plot();
        for (int i = timeline.runs().size() - 1; i >= 0; i--) {
            Rectangle r = bar(plot, timeline.runs().get(i));
            if (new Rectangle(r.x - 1, r.y, r.width + 2, r.height).contains(x, y)) {
                return timeline.runs().get(i);
            }
        }
        return null;
    }

    private void paint(GC gc, Rectangle area) {
        if (timeline == null) {
            return;
        }
        Rectangle plot = plot();
        int laneHeight = plot.height / LANES.length;
        for (int i = 0; i < LANES.length; i++) {
            int y = plot.y + i * laneHeight;
            gc.setBackground(i % 2 == 0 ? ChartPainting.BAND : ChartPainting.BACKGROUND);
            gc.fillRectangle(plot.x, y, plot.width, laneHeight);
            gc.setForeground(ChartPainting.TEXT);
            String name = LANES[i].name();
            gc.drawText(name, 8, y + (laneHeight - gc.textExtent(name).y) / 2, true);
        }
        ChartPainting.timeAxis(gc, plot, timeline.startMicros(), timeline.endMicros());
        for (TaskRun run : timeline.runs()) {
            Rectangle r = bar(plot, run);
            boolean reset = timeline.resets().contains(run);
            gc.setBackground(reset ? ChartPainting.WATCHDOG : Timeline.isLong(run) ? ChartPainting.LONG : color(run.priority()));
            gc.fillRectangle(r);
            if (Timeline.isLong(run) && !reset) {
                String label = Figures.duration(run.durationMicros());
                gc.setForeground(ChartPainting.LONG);
                Point size = gc.textExtent(label);
                gc.drawText(label, Math.min(r.x, plot.x + plot.width - size.x), r.y - size.y - 1, true);
            }
        }
        for (TaskRun reset : timeline.resets()) {
            ChartPainting.marker(gc, plot, x(plot, reset.startMicros() + reset.durationMicros()), ChartPainting.WATCHDOG,
                    "watchdog reset in " + reset.source() + ", reboot");
        }
        for (var reboot : timeline.reboots()) {
            if (timeline.resets().stream().noneMatch(r -> r.startMicros() + r.durationMicros() == reboot.micros())) {
                ChartPainting.marker(gc, plot, x(plot, reboot.micros()), ChartPainting.REBOOT, "reboot: " + reboot.reason());
            }
        }
        gc.setForeground(ChartPainting.WATCHDOG);
        for (var lost : timeline.dropped()) {
            int lane = List.of(LANES).indexOf(lost.priority());
            int x = x(plot, lost.micros());
            int y = plot.y + lane * laneHeight + laneHeight - 8;
            gc.drawLine(x - 3, y - 3, x + 3, y + 3);
            gc.drawLine(x - 3, y + 3, x + 3, y - 3);
        }
        ChartPainting.legend(gc, area.width - RIGHT, 4,
                new Color[] { ChartPainting.HIGH, ChartPainting.MEDIUM, ChartPainting.LOW, ChartPainting.LONG, ChartPainting.WATCHDOG },
                new String[] { "high", "medium", "low", "longer than 15 ms", "watchdog reset / reboot" });
    }

    private static Color color(Priority priority) {
        return switch (priority) {
        case HIGH -> ChartPainting.HIGH;
        case MEDIUM -> ChartPainting.MEDIUM;
        case LOW -> ChartPainting.LOW;
        };
    }
}
