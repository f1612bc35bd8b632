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
        edges.add(new Edge(micros, pin, level == 0 ? 0 : 1));
        edges.sort(Comparator.comparingLong(Edge::micros));
        return this;
    }

    /** The edges, earliest first. */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The level driven onto {@code pin} at {@code micros}, or -1 if nothing drives it yet. */
    public int levelAt(int pin, long micros) {
        int level = -1;
        for (Edge e : edges) {
            if (e.micros() > micros) {
                break;
            }
            if (e.pin() == pin) {
                level = e.level();
            }
        }
        return level;
    }
}
