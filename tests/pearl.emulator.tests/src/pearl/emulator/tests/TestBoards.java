package pearl.emulator.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.BoardOptions;
import pearl.emulator.HeapBreakdown;
import pearl.emulator.Spiffs;
import pearl.emulator.hardware.HardwareSetup;
import pearl.emulator.modules.FirmwareModule;
import pearl.emulator.modules.StandardModules;
import pearl.lua.firmware.FirmwareModel;

/** A board with an {@code init.lua}, recording its UART (with {@code \r\n} as on the wire), reboots and heap samples. */
final class TestBoards {

    final Spiffs spiffs;
    final StringBuilder uart = new StringBuilder();
    final List<String> reboots = new ArrayList<>();
    final List<Long> samples = new ArrayList<>();
    final Board board;

    TestBoards(BoardOptions options, String initLua) {
        this(options, initLua, StandardModules.all());
    }

    /** A board of {@code options} and {@code initLua} built with just {@code modules}. */
    TestBoards(BoardOptions options, String initLua, List<FirmwareModule> modules) {
        this(new Spiffs(BoardOptions.DEFAULT_SPIFFS), options, initLua, modules);
    }

    /** A board with the file system {@code spiffs} (a test may look into it afterwards) and {@code initLua}. */
    TestBoards(Spiffs spiffs, String initLua) {
        this(spiffs, BoardOptions.defaults().withBanner(false), initLua, StandardModules.all());
    }

    private TestBoards(Spiffs spiffs, BoardOptions options, String initLua, List<FirmwareModule> modules) {
        this.spiffs = spiffs;
        if (initLua != null) {
            spiffs.putContents("init.lua", initLua.getBytes(StandardCharsets.ISO_8859_1));
        }
        board = new Board(options, spiffs, modules, FirmwareModel.load());
        board.addListener(new BoardListener() {
            @Override
            public void uartOutput(String bytes) {
                uart.append(bytes);
            }

            @Override
            public void rebooting(String reason) {
                reboots.add(reason);
            }

            @Override
            public boolean wantsHeapSamples() {
                return true;
            }

            @Override
            public void heapSample(HeapBreakdown used, long freeBytes) {
                samples.add(freeBytes);
            }
        });
    }

    TestBoards(String initLua) {
        this(BoardOptions.defaults().withBanner(false), initLua);
    }

    /** A board wired as {@code hardwareJson} says (see {@link HardwareSetup}). */
    TestBoards(String initLua, String hardwareJson) {
        this(initLua);
        HardwareSetup.apply(hardwareJson, board.hardware());
    }

    /** Runs for {@code millis} of virtual time; returns the UART text with plain {@code \n} line ends. */
    String run(long millis) {
        board.runFor(millis * 1000);
        return text();
    }

    /** Runs for {@code millis} of virtual time; returns what the board printed, without the REPL's prompts. */
    String printed(long millis) {
        return run(millis).replace("> ", "");
    }

    /** What the UART showed so far, line ends as {@code \n}. */
    String text() {
        return uart.toString().replace("\r\n", "\n");
    }
}
