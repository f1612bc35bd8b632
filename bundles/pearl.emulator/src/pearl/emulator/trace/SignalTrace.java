package pearl.emulator.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import pearl.emulator.Board;
import pearl.emulator.BoardListener;
import pearl.emulator.hardware.GpioPins;
import pearl.emulator.hardware.PwmState;

/**
 * Records a board's signals in virtual time and writes them as a Value Change Dump (IEEE 1364
 * VCD) for GTKWave or PulseView: the level of every GPIO pin, each pin's PWM duty (0..1023, 0
 * when stopped) and the UART TX line, drawn bit by bit at {@value #BAUD} baud 8N1 so that a UART
 * decoder reads the text back. Time unit: 1 µs.
 */
public final class SignalTrace implements BoardListener, GpioPins.PinObserver {

    /** The UART speed the TX line is drawn at: the firmware's default. */
    public static final int BAUD = 115200;
    private static final double BIT_MICROS = 1e6 / BAUD;

    private record Change(double micros, long order, String id, String value) {
    }

    private final Board board;
    private final List<Change> changes = new ArrayList<>();
    private final int[] levels = new int[GpioPins.COUNT];
    private final int[] duties = new int[GpioPins.COUNT];
    private double txFreeAt;
    private long order;

    private SignalTrace(Board board) {
        this.board = board;
        java.util.Arrays.fill(levels, -1);
        java.util.Arrays.fill(duties, -1);
    }

    /** Starts recording {@code board}'s signals (before it powers on). */
    public static SignalTrace record(Board board) {
        SignalTrace trace = new SignalTrace(board);
        board.hardware().addPinObserver(trace);
        board.addListener(trace);
        return trace;
    }

    private void change(double micros, String id, String value) {
        changes.add(new Change(micros, order++, id, value));
    }

    @Override
    public void changed(GpioPins pins, int pin) {
        long now = pins.micros();
        int level = pins.level(pin);
        if (level != levels[pin]) {
            levels[pin] = level;
            change(now, pinId(pin), Integer.toString(level));
        }
        PwmState pwm = pins.pwm(pin);
        int duty = pwm == null || !pwm.running() ? 0 : pwm.duty();
        if (duty != duties[pin]) {
            duties[pin] = duty;
            change(now, pwmId(pin), "b" + Integer.toBinaryString(duty) + " ");
        }
    }

    @Override
    public void uartOutput(String bytes) {
        // bytes leave one after another: a write while the line is busy queues behind it
        board.syncClock();
        double t = Math.max(board.clockMicros(), txFreeAt);
        for (int i = 0; i < bytes.length(); i++) {
            int b = bytes.charAt(i) & 0xFF;
            change(t, "tx", "0"); // start bit
            for (int bit = 0; bit < 8; bit++) {
                change(t + (bit + 1) * BIT_MICROS, "tx", Integer.toString(b >> bit & 1));
            }
            change(t + 9 * BIT_MICROS, "tx", "1"); // stop bit, then idle high
            t += 10 * BIT_MICROS;
        }
        txFreeAt = t;
    }

    private static String pinId(int pin) {
        return "g" + pin;
    }

    private static String pwmId(int pin) {
        return "p" + pin;
    }

    /** Writes what was recorded to {@code file}. */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            write(out);
        }
    }

    /** Writes what was recorded as VCD. */
    public void write(Writer out) throws IOException {
        out.write("$date " + java.time.LocalDate.now() + " $end\n");
        out.write("$version Pearl emulated NodeMCU board $end\n");
        out.write("$comment virtual time since power-on $end\n");
        out.write("$timescale 1 us $end\n");
        out.write("$scope module board $end\n");
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            out.write("$var wire 1 " + pinId(pin) + " gpio" + pin + " $end\n");
        }
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            out.write("$var wire 10 " + pwmId(pin) + " pwm" + pin + "_duty $end\n");
        }
        out.write("$var wire 1 tx uart0_tx $end\n");
        out.write("$upscope $end\n$enddefinitions $end\n");
        out.write("$dumpvars\n");
        for (int pin = 0; pin < GpioPins.COUNT; pin++) {
            out.write("x" + pinId(pin) + "\n");
            out.write("b0 " + pwmId(pin) + "\n");
        }
        out.write("1tx\n$end\n");
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingDouble(Change::micros).thenComparingLong(Change::order));
        long time = -1;
        for (Change c : sorted) {
            long t = Math.round(c.micros());
            if (t != time) {
                out.write("#" + t + "\n");
                time = t;
            }
            out.write(c.value() + c.id() + "\n");
        }
    }
}
