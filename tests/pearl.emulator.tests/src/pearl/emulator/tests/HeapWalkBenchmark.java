package pearl.emulator.tests;

import java.nio.charset.StandardCharsets;

import pearl.emulator.Board;
import pearl.emulator.BoardOptions;
import pearl.emulator.HeapBreakdown;
import pearl.emulator.Spiffs;
import pearl.emulator.modules.StandardModules;
import pearl.lua.firmware.FirmwareModel;

/**
 * Not a test: prints how long one walk of the heap (a full collection in the emulator) takes on
 * a board holding about 30 KB of live Lua objects of every kind. Run its {@code main}.
 */
public final class HeapWalkBenchmark {

    private static final String PROGRAM = """
            records = {}
            for i = 1, 60 do
              records[i] = { name = "sensor" .. i, value = i * 1.5, tags = { i, i + 1, i + 2 } }
            end
            handlers = {}
            for i = 1, 60 do
              local count, label = 0, "handler" .. i
              handlers[i] = function() count = count + 1 return label, count end
            end
            words = {}
            for i = 1, 100 do words[#words + 1] = string.rep(string.char(97 + i % 26), 8 + i % 24) .. i end
            workers = {}
            for i = 1, 4 do
              workers[i] = coroutine.create(function(n) local acc = {} while true do acc[#acc + 1] = n n = coroutine.yield(#acc) end end)
              coroutine.resume(workers[i], i)
            end
            print(collectgarbage("count"))
            """;

    private HeapWalkBenchmark() {
    }

    public static void main(String[] args) {
        Spiffs spiffs = new Spiffs(BoardOptions.DEFAULT_SPIFFS);
        spiffs.putContents("init.lua", PROGRAM.getBytes(StandardCharsets.ISO_8859_1));
        Board board = new Board(BoardOptions.defaults(), spiffs, StandardModules.all(), FirmwareModel.load());
        board.runFor(100_000);
        HeapBreakdown b = board.heap().breakdown();
        long live = b.total() - board.heap().bootUsed();
        System.out.printf("heap in use %d bytes (%d above boot), %s%n", b.total(), live, b.byType());
        System.out.printf("objects: %d strings, %d tables, %d functions, %d threads%n", b.stringCount(),
                b.tableCount(), b.functionCount(), b.threadCount());
        for (int round = 0; round < 3; round++) {
            int n = round == 0 ? 2000 : 1000;
            int before = board.heap().walks();
            long ns = board.heap().walkNanos();
            for (int i = 0; i < n; i++) {
                board.heap().collect();
            }
            double micros = (board.heap().walkNanos() - ns) / 1000.0 / (board.heap().walks() - before);
            System.out.printf("%s: %.1f us per walk (%d walks)%n", round == 0 ? "warm-up" : "measured", micros, n);
        }
        System.exit(0); // the suspended coroutines' threads would keep the JVM alive
    }
}
