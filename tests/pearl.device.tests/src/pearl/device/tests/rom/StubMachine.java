package pearl.device.tests.rom;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Code a ROM loader took in through MEM_DATA, running on an emulated Xtensa lx106 core (QEMU's
 * "sim" machine) under the stand-in ROM of {@code fake-rom/}: the real routines' addresses, with
 * the UART as two FIFOs and the flash as a file in a scratch folder. The flasher stub is run
 * here exactly as the chip would get it: the same bytes at the same addresses, entered at the
 * entry point MEM_END named.
 */
final class StubMachine implements AutoCloseable {

    /** The stand-in ROM, built by the test module's pom (make -C fake-rom). */
    static final Path FAKE_ROM = Path.of("target/fake-rom/fake-rom.elf").toAbsolutePath();
    /** Where the stand-in ROM finds the entry point (fake-rom.c's ENTRY_WORD). */
    private static final int ENTRY_WORD = 0x3FFFB000;

    /** Why the stand-in ROM ended QEMU (fake-rom.c's Status), by exit status. */
    static String describe(int status) {
        return switch (status) {
        case 0x80 -> "restarted (jumped to the reset vector)";
        case 0x81 -> "UART closed by the host";
        case 0x82 -> "SPIRead/SPIWrite given a buffer outside DRAM";
        case 0x83 -> "flash address, buffer or size not a multiple of 4";
        case 0x84 -> "flash access past the end of the chip";
        case 0x85 -> "the stub's entry point returned";
        case 0x86 -> "a host file would not open";
        default -> "QEMU exit status " + status;
        };
    }

    private final Path folder;
    private final Process qemu;
    private final CompletableFuture<OutputStream> uartIn = new CompletableFuture<>();
    private final Thread uartOut;

    /**
     * Starts QEMU with {@code segments} (address, bytes) loaded, {@code flash} as the chip's flash,
     * jumping to {@code entry}; what the code sends on its UART goes to {@code output}.
     */
    StubMachine(List<int[]> addresses, List<byte[]> segments, int entry, byte[] flash, Consumer<byte[]> output) throws IOException {
        if (!Files.isRegularFile(FAKE_ROM)) {
            throw new IOException(FAKE_ROM + " is missing: the build makes it with gcc-xtensa-lx106 (test.sh installs it)");
        }
        folder = Files.createTempDirectory("pearl-stub-machine");
        Files.write(folder.resolve("flash.bin"), flash);
        mkfifo(folder.resolve("uart.rx"));
        mkfifo(folder.resolve("uart.tx"));
        List<String> command = new ArrayList<>(List.of("qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-display", "none", "-monitor",
                "none", "-serial", "null", "-semihosting", "-device", "loader,file=" + FAKE_ROM + ",cpu-num=0"));
        for (int i = 0; i < segments.size(); i++) {
            Path file = folder.resolve("segment" + i + ".bin");
            Files.write(file, segments.get(i));
            command.add("-device");
            command.add(String.format("loader,file=%s,addr=0x%08X,force-raw=on", file, addresses.get(i)[0]));
        }
        command.add("-device");
        command.add(String.format("loader,addr=0x%08X,data=0x%08X,data-len=4", ENTRY_WORD, entry));
        qemu = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("qemu.log").toFile()).start();
        // The stand-in ROM opens uart.rx, then uart.tx; opening a FIFO waits for the other end.
        uartOut = new Thread(() -> {
            try {
                uartIn.complete(new FileOutputStream(folder.resolve("uart.rx").toFile()));
                try (InputStream in = new FileInputStream(folder.resolve("uart.tx").toFile())) {
                    byte[] buffer = new byte[256];
                    for (int n; (n = in.read(buffer)) > 0;) {
                        output.accept(java.util.Arrays.copyOf(buffer, n));
                    }
                }
            } catch (IOException e) {
                uartIn.completeExceptionally(e);
            }
        }, "stub-machine-uart");
        uartOut.setDaemon(true);
        uartOut.start();
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo " + path + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Bytes into the machine's UART. */
    void send(byte[] bytes) throws IOException {
        try {
            OutputStream out = uartIn.get(5, TimeUnit.SECONDS);
            out.write(bytes);
            out.flush();
        } catch (Exception e) {
            throw new IOException("the stub machine's UART did not open: " + log(), e);
        }
    }

    boolean running() {
        return qemu.isAlive();
    }

    /** The exit status once QEMU has ended, waiting up to {@code millis}; -1 while it runs. */
    int exitStatus(long millis) throws InterruptedException {
        return qemu.waitFor(millis, TimeUnit.MILLISECONDS) ? qemu.exitValue() : -1;
    }

    /** {@code length} bytes of the machine's flash from {@code address}, as they are now. */
    byte[] flash(int address, int length) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(folder.resolve("flash.bin").toFile(), "r")) {
            byte[] bytes = new byte[length];
            file.seek(address);
            file.readFully(bytes);
            return bytes;
        }
    }

    /** What QEMU itself printed (its errors). */
    String log() {
        try {
            return Files.readString(folder.resolve("qemu.log")).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        qemu.destroyForcibly();
        try {
            qemu.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Opening a FIFO read-write never waits, and releases the UART thread from an open that
        // waits for a QEMU that is gone.
        for (String fifo : List.of("uart.rx", "uart.tx")) {
            new RandomAccessFile(folder.resolve(fifo).toFile(), "rw").close();
        }
        uartIn.thenAccept(out -> {
            try {
                out.close();
            } catch (IOException e) {
                // the reader is gone with QEMU
            }
        });
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
