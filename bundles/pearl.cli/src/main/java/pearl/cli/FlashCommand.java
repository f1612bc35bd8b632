package pearl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pearl.device.SerialPortUnavailableException;
import pearl.device.rom.FlashImage;
import pearl.device.rom.FirmwareFlasher;
import pearl.device.rom.FlashLog;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomException;
import pearl.device.rom.RomTimeouts;

/**
 * {@code pearl flash}: writes NodeMCU firmware (and optionally a SPIFFS or LFS image) to a real
 * board through the ESP8266 ROM serial loader, block by block with a progress bar on stderr.
 */
final class FlashCommand implements Command {

    private final RomTimeouts timeouts;

    FlashCommand() {
        this(RomTimeouts.DEFAULT);
    }

    /** A command with other waits, so tests need not sit through seven resets. */
    FlashCommand(RomTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "flash";
    }

    @Override
    public String summary() {
        return "write firmware and file-system images to a board through its ROM bootloader";
    }

    @Override
    public String usage() {
        return """
                Usage: pearl flash --port DEV [--baud N] [--no-stub] [--no-reboot] [ADDRESS IMAGE]...

                Resets the board into the ESP8266 ROM bootloader (DTR/RTS, as NodeMCU devkits are
                wired; on other boards hold FLASH while pressing RST), reads its chip id and MAC,
                and writes each IMAGE at its flash ADDRESS (hex 0x... or decimal). The image at 0x0
                must be a firmware binary (first byte 0xE9). Each region is then read back and
                checked by MD5; the ESP8266 ROM cannot hash flash, so Pearl loads its own small
                flasher stub into the board's RAM to do it (and to write again any sector that
                reads back wrong). Without images it only identifies the chip. Afterwards the
                board reboots into the new firmware unless --no-reboot.

                Example: pearl flash --port /dev/ttyUSB0 0x0 nodemcu.bin 0x100000 spiffs.img

                  --port DEV    the serial port (/dev/ttyUSB0, COM3)
                  --baud N      ask the loader to switch to N baud after syncing (the ESP8266
                                ROM cannot; it stays at 115200 and Pearl says so)
                  --no-stub     run nothing in the board's RAM; the ESP8266 ROM alone cannot
                                verify, so the flash is then not verified (Pearl says so)
                  --no-reboot   leave the board in the bootloader
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        String port = null;
        int baud = RomBootloaderClient.ROM_BAUD;
        boolean reboot = true;
        boolean useStub = true;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--port")) {
                port = value(args, ++i, arg);
            } else if (arg.equals("--baud")) {
                try {
                    baud = Integer.parseInt(value(args, ++i, arg));
                } catch (NumberFormatException e) {
                    throw new UsageException("--baud needs a number, not '" + args.get(i) + "'");
                }
                if (baud <= 0) {
                    throw new UsageException("--baud must be positive");
                }
            } else if (arg.equals("--no-reboot")) {
                reboot = false;
            } else if (arg.equals("--no-stub")) {
                useStub = false;
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                positional.add(arg);
            }
        }
        if (port == null) {
            throw new UsageException("--port DEV is required");
        }
        if (positional.size() % 2 != 0) {
            throw new UsageException("images come in pairs ADDRESS IMAGE; '" + positional.get(positional.size() - 1) + "' has no partner");
        }
        List<FlashImage> images = new ArrayList<>();
        for (int i = 0; i < positional.size(); i += 2) {
            int address = address(positional.get(i));
            Path file = Path.of(positional.get(i + 1));
            try {
                images.add(FlashImage.of(address, Files.readAllBytes(file), file.getFileName().toString()));
            } catch (NoSuchFileException e) {
                console.err().println("pearl flash: no such image: " + file);
                return Main.USAGE;
            } catch (IOException e) {
                console.err().println("pearl flash: cannot read " + file + ": " + e.getMessage());
                return Main.USAGE;
            } catch (IllegalArgumentException e) {
                console.err().println("pearl flash: " + e.getMessage());
                return Main.USAGE;
            }
        }
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                if (images.get(i).overlaps(images.get(j))) {
                    console.err().println("pearl flash: " + images.get(i) + " and " + images.get(j) + " overlap (they share a 4 KB sector)");
                    return Main.USAGE;
                }
            }
        }
        return flash(port, baud, reboot, useStub, images, console.err());
    }

    private int flash(String port, int baud, boolean reboot, boolean useStub, List<FlashImage> images, PrintStream err) {
        ProgressBar bar = new ProgressBar(err);
        try {
            new FirmwareFlasher(timeouts).flash(new FirmwareFlasher.Request(port, baud, images, useStub, reboot), bar);
            return 0;
        } catch (SerialPortUnavailableException e) {
            err.println("pearl flash: " + e.getMessage());
            return 1;
        } catch (RomException e) {
            bar.endLine();
            err.println("pearl flash: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            bar.endLine();
            err.println("pearl flash: serial I/O failed on " + port + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** A flash address: {@code 0x10000} or {@code 65536}. */
    static int address(String text) throws UsageException {
        try {
            return FlashImage.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The steps, a line each, and one bar per region, redrawn in place as blocks are accepted. */
    private static final class ProgressBar extends FlashLog {

        private static final int WIDTH = 30;
        private final PrintStream err;
        private boolean lineOpen;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        protected void line(String text) {
            endLine();
            err.println("pearl flash: " + text);
        }

        @Override
        public void blockWritten(FlashImage image, int block, int blocks) {
            int done = block + 1;
            int filled = done * WIDTH / blocks;
            err.printf("\r%-16s 0x%06X [%s%s] %3d%% %d/%d blocks", shorten(image.label()), image.address(), "#".repeat(filled),
                    "-".repeat(WIDTH - filled), done * 100 / blocks, done, blocks);
            lineOpen = done < blocks;
            if (!lineOpen) {
                err.println();
            }
            err.flush();
        }

        /** Ends a bar cut short, so a message after it starts on its own line. */
        void endLine() {
            if (lineOpen) {
                err.println();
                lineOpen = false;
            }
        }

        private static String shorten(String label) {
            return label.length() <= 16 ? label : label.substring(0, 13) + "...";
        }
    }
}
