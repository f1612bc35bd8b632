package pearl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import pearl.device.repl.BoardFiles;
import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;

/** {@code pearl files}: the file system of a real board, and a few node functions. */
final class FilesCommand implements Command {

    private static final int RUN_MILLIS = 60_000;

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String summary() {
        return "list, download, remove, rename and run files on a board over its serial port";
    }

    @Override
    public String usage() {
        return "Usage: pearl files --port DEV [--baud N] ACTION [ARGS]\n\n"
                + "Actions:\n"
                + "  list              the files with their sizes, and the file system's use (default)\n"
                + "  get FILE [LOCAL]  download FILE (binary-safe, verified) to LOCAL (default: ./FILE)\n"
                + "  rm FILE...        remove files\n"
                + "  mv FROM TO        rename a file\n"
                + "  run FILE          dofile(FILE), printing its output\n"
                + "  restart           node.restart(), waiting for the board to boot again\n"
                + "  heap              the free heap\n\nOptions:\n"
                + PortOptions.USAGE;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        PortOptions port = PortOptions.parse(args);
        List<String> rest = port.rest();
        String action = rest.isEmpty() ? "list" : rest.get(0);
        List<String> operands = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        int[] arity = switch (action) {
            case "list", "restart", "heap" -> new int[] { 0, 0 };
            case "get" -> new int[] { 1, 2 };
            case "rm" -> new int[] { 1, Integer.MAX_VALUE };
            case "mv" -> new int[] { 2, 2 };
            case "run" -> new int[] { 1, 1 };
            default -> throw new UsageException("unknown action '" + action + "' (list, get, rm, mv, run, restart, heap)");
        };
        if (operands.size() < arity[0] || operands.size() > arity[1]) {
            throw new UsageException(action + ": wrong number of arguments");
        }
        try (ReplClient client = port.connect()) {
            BoardFiles files = new BoardFiles(client);
            switch (action) {
                case "list" -> {
                    Map<String, Integer> list = files.list();
                    int width = list.keySet().stream().mapToInt(String::length).max().orElse(4);
                    for (Map.Entry<String, Integer> f : list.entrySet()) {
                        console.out().printf("%-" + width + "s  %8d%n", f.getKey(), f.getValue());
                    }
                    long[] fs = files.fsinfo();
                    console.out().printf("%d files; %d bytes used, %d free of %d%n", list.size(), fs[1], fs[0], fs[2]);
                }
                case "get" -> {
                    Path local = Path.of(operands.size() > 1 ? operands.get(1) : operands.get(0));
                    ProgressBar bar = new ProgressBar(console.err());
                    byte[] data;
                    try {
                        data = files.get(operands.get(0), bar);
                    } finally {
                        bar.finish();
                    }
                    try {
                        Files.write(local, data);
                    } catch (IOException e) {
                        console.err().println("pearl files: cannot write " + local + ": " + e.getMessage());
                        return 1;
                    }
                    console.out().println(operands.get(0) + ": " + data.length + " bytes to " + local);
                }
                case "rm" -> {
                    int missing = 0;
                    for (String f : operands) {
                        if (!files.remove(f)) {
                            console.err().println("pearl files: no such file on the board: " + f);
                            missing++;
                        }
                    }
                    return missing == 0 ? 0 : 1;
                }
                case "mv" -> files.rename(operands.get(0), operands.get(1));
                case "run" -> {
                    String out = files.run(operands.get(0), RUN_MILLIS);
                    if (!out.isEmpty()) {
                        console.out().println(out);
                    }
                    return out.startsWith("Lua error:") || out.contains("\nLua error:") ? 1 : 0;
                }
                case "restart" -> {
                    files.restart(text -> console.out().print(text.replace("\r\n", "\n")));
                    console.out().println();
                    console.err().println("pearl files: the board restarted and prompts again");
                }
                case "heap" -> console.out().println(files.heap());
                default -> throw new IllegalStateException(action);
            }
            return 0;
        } catch (DeviceException e) {
            return PortOptions.fail(console, name(), e);
        }
    }
}
