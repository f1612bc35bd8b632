package pearl.debug;

import java.nio.file.Path;
import java.util.Map;

import pearl.emulator.Durations;
import pearl.emulator.ProjectBoard;

/**
 * A launch request's arguments: {@code {"project": DIR, "for": "10s", "seed": 1, "safeBoot": false,
 * "realtime": false, "profile": FILE, "stopOnEntry": false}}, all but {@code project} optional.
 * Without {@code "for"} the board runs until the client ends the session, paced to the wall clock
 * unless {@code "realtime": false} is given.
 *
 * @param board       the board to build
 * @param forMicros   virtual time to run, or {@link Long#MAX_VALUE} for as long as the session lasts
 * @param realtime    pace virtual time to the wall clock
 * @param stopOnEntry stop at the first line of Lua the board runs
 */
public record LaunchArguments(ProjectBoard board, long forMicros, boolean realtime, boolean stopOnEntry) {

    /**
     * Reads the arguments of a launch request.
     *
     * @throws IllegalArgumentException naming the argument that is missing or wrong
     */
    public static LaunchArguments parse(Map<String, Object> raw) {
        Map<String, Object> args = new java.util.HashMap<>();
        raw.forEach((k, v) -> args.put(k, plain(v)));
        Object project = args.get("project");
        if (!(project instanceof String dir) || dir.isBlank()) {
            throw new IllegalArgumentException("launch needs \"project\": the project folder (the one with init.lua)");
        }
        long forMicros = Long.MAX_VALUE;
        Object span = args.get("for");
        if (span != null) {
            forMicros = Durations.micros("\"for\"", String.valueOf(span));
        }
        long seed = whole(args, "seed", 1);
        Object profile = args.get("profile");
        if (profile != null && !(profile instanceof String)) {
            throw new IllegalArgumentException("\"profile\" takes a file name, not " + profile);
        }
        boolean realtime = flag(args, "realtime", span == null);
        ProjectBoard board = new ProjectBoard(Path.of(dir), profile == null ? null : Path.of((String) profile), seed, 0,
                true, flag(args, "safeBoot", false));
        return new LaunchArguments(board, forMicros, realtime, flag(args, "stopOnEntry", false));
    }

    /** JSON values as Java's: the message reader may hand over Gson's elements. */
    private static Object plain(Object v) {
        if (v instanceof com.google.gson.JsonPrimitive p) {
            return p.isBoolean() ? (Object) p.getAsBoolean() : p.isNumber() ? (Object) p.getAsDouble() : p.getAsString();
        }
        return v instanceof com.google.gson.JsonNull ? null : v;
    }

    private static boolean flag(Map<String, Object> args, String name, boolean otherwise) {
        Object v = args.get(name);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("\"" + name + "\" takes true or false, not " + v);
    }

    private static long whole(Map<String, Object> args, String name, long otherwise) {
        Object v = args.get(name);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" takes a whole number, not " + v);
    }
}
