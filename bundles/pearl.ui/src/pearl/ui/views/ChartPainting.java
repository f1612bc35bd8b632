package pearl.ui.views;

import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** Drawing the charts share: colours, a time axis, a marker line with a label, a legend. */
final class ChartPainting {

    static final Color BACKGROUND = new Color(255, 255, 255);
    static final Color BAND = new Color(244, 246, 250);
    static final Color GRID = new Color(222, 226, 232);
    static final Color AXIS = new Color(90, 96, 106);
    static final Color TEXT = new Color(40, 44, 52);
    static final Color HIGH = new Color(142, 68, 173);
    static final Color MEDIUM = new Color(41, 128, 185);
    static final Color LOW = new Color(39, 174, 96);
    static final Color LONG = new Color(230, 126, 34);
    static final Color WATCHDOG = new Color(192, 57, 43);
    static final Color REBOOT = new Color(192, 57, 43);
    static final Color BUDGET = new Color(211, 84, 0);
    static final Color REGISTRY = new Color(39, 174, 96);

    private ChartPainting() {
    }

    /**
     * A canvas that clears itself to white and hands {@code paint} an antialiased GC and its
     * client area on every paint.
     */
    static Canvas canvas(Composite parent, BiConsumer<GC, Rectangle> paint) {
        Canvas canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(BACKGROUND);
        canvas.addPaintListener(e -> {
            Rectangle area = canvas.getClientArea();
            e.gc.setBackground(BACKGROUND);
            e.gc.fillRectangle(area);
            e.gc.setAntialias(SWT.ON);
            paint.accept(e.gc, area);
        });
        return canvas;
    }

    /** A horizontal time axis along the bottom of {@code plot}, labelled in seconds of virtual time. */
    static void timeAxis(GC gc, Rectangle plot, long startMicros, long endMicros) {
        gc.setForeground(AXIS);
        gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
        long span = Math.max(1, endMicros - startMicros);
        long step = Figures.niceStep(span, Math.max(2, plot.width / 110));
        for (long t = (startMicros + step - 1) / step * step; t <= endMicros; t += step) {
            int x = plot.x + (int) ((t - startMicros) * plot.width / span);
            gc.setForeground(GRID);
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setForeground(AXIS);
            gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 4);
            String label = Figures.axisSeconds(t, step);
            Point size = gc.textExtent(label);
            gc.setForeground(TEXT);
            gc.drawText(label, x - size.x / 2, plot.y + plot.height + 6, true);
        }
    }

    /** A vertical dashed line across {@code plot} at {@code x}, labelled at its top. */
    static void marker(GC gc, Rectangle plot, int x, Color color, String label) {
        gc.setForeground(color);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setLineWidth(2);
        gc.drawLine(x, plot.y, x, plot.y + plot.height);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
        Point size = gc.textExtent(label);
        int left = Math.min(x + 3, plot.x + plot.width - size.x);
        gc.drawText(label, left, plot.y + 2, true);
    }

    /** A row of coloured squares with names, right-aligned at {@code right}, {@code y}. */
    static void legend(GC gc, int right, int y, Color[] colors, String[] names) {
        int width = 0;
        for (String name : names) {
            width += 14 + gc.textExtent(name).x + 14;
        }
        int x = right - width;
        for (int i = 0; i < names.length; i++) {
            gc.setBackground(colors[i]);
            gc.fillRectangle(x, y + 3, 10, 10);
            gc.setForeground(TEXT);
            gc.drawText(names[i], x + 14, y, true);
            x += 14 + gc.textExtent(names[i]).x + 14;
        }
    }
}
