package pearl.emulator.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

import pearl.emulator.lua.LuaMachine;

/**
 * Not a test: times the CPU benchmark programs ({@code releng/bench/emulator/cpu/*.lua}) on plain
 * LuaJ and on Pearl's {@link LuaMachine} (whose VM hooks count cycles and keep call stacks), warm.
 * Run from the repository root:
 * {@code java -cp bundles/pearl.cli/target/pearl.cli-0.1.0-SNAPSHOT-all.jar:tests/pearl.emulator.tests/target/classes pearl.emulator.tests.VmSpeedBenchmark [dir] [runs]}.
 */
public final class VmSpeedBenchmark {

    private VmSpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "releng/bench/emulator/cpu");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Path> programs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".lua")).sorted().forEach(programs::add);
        }
        System.out.printf("%-12s %12s %12s %12s %12s %7s%n", "program", "luaj min", "luaj median", "pearl min",
                "pearl median", "ratio");
        for (Path program : programs) {
            String source = Files.readString(program, StandardCharsets.ISO_8859_1);
            String name = program.getFileName().toString();
            double[] plain = time(plainChunk(source, name), runs);
            double[] pearl = time(pearlChunk(source, name), runs);
            System.out.printf("%-12s %11.3fs %11.3fs %11.3fs %11.3fs %6.2fx%n", name, plain[0], plain[1], pearl[0],
                    pearl[1], pearl[1] / plain[1]);
        }
    }

    private static LuaValue plainChunk(String source, String name) {
        Globals globals = JsePlatform.standardGlobals();
        globals.set("print", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.NONE;
            }
        });
        return globals.load(source, "@" + name);
    }

    private static LuaValue pearlChunk(String source, String name) {
        LuaMachine machine = LuaRunners.machine(null, new StringBuilder());
        return machine.compile(source, "@" + name);
    }

    /**
     * Min and median seconds of {@code runs} calls after two warm-up calls: CPU time of this
     * thread (what the programs run on), so that other load on the machine matters less.
     */
    private static double[] time(LuaValue chunk, int runs) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        chunk.call();
        chunk.call();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = bean.getCurrentThreadCpuTime();
            chunk.call();
            seconds[i] = (bean.getCurrentThreadCpuTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new double[] { seconds[0], seconds[runs / 2] };
    }
}
