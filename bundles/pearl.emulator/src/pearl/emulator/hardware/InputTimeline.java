package pearl.emulator.hardware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Levels driven onto GPIO pins from outside the chip (a button, another circuit), as a list of
 * edges in virtual time since power-on. A pin the timeline never mentions is not driven.
 */
public final class InputTimeline {

    /** At {@code micros} since power-on, something outside drives {@code pin} to {@code level}. */
    public record Edge(long micros, int pin, int level) {
    }

    private final List<Edge> edges = new ArrayList<>();

    /** Adds an edge; edges may be added in any order. */
    public InputTimeline add(long micros, int pin, int level) {
        Edge edge = new Edge(micros, pin, level == 0 ? 0 : 1);
        boolean inOrder = edges.isEmpty() || edges.get(edges.size() - 1).micros() <= micros;
        edges.add(edge);
        if (!inOrder) {
            // a device driving its line as time goes (an RTC's alarm) appends; only a wiring out of order sorts
            edges.sort(Comparator.comparingLong(Edge::micros));
        }
        return this;
    }

    /** The edges, earliest first. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The level driven onto {@code pin} at {@code micros}, or -1 if nothing drives it yet. */
    public int levelAt(int pin, long micros) {
        // from the latest edge back: a read of the level now, the common case, stops at the pin's last edge
        for (int i = edges.size() - 1; i >= 0; i--) {
            Edge e = edges.get(i);
            if (e.micros() <= micros && e.pin() == pin) {
                return e.level();
            }
        }
        return -1;
    }
}
