package pearl.device.tests.rom;

import org.junit.jupiter.api.AfterEach;

import pearl.device.rom.JsscSerialLine;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomTimeouts;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/**
 * Tests against a simulated ROM loader on one side of a pty pair and Pearl's client on the other,
 * all closed after each test.
 */
abstract class SimulatedLoaderFixture {

    /** Where NodeMCU's file system usually goes. */
    static final int SPIFFS_ADDRESS = 0x100000;

    PtyPair pty;
    RomBootloaderSimulator board;
    JsscSerialLine line;
    RomBootloaderClient client;

    /** Starts the pieces; the pty's speed is nominal, {@code baud} only documents what a test means. */
    void start(Variant variant, boolean inBootloader, int baud, RomTimeouts timeouts) throws Exception {
        pty = new PtyPair();
        board = new RomBootloaderSimulator(pty.boardSide, variant, inBootloader);
        line = JsscSerialLine.open(pty.hostSide, baud);
        client = new RomBootloaderClient(line, timeouts);
    }

    @AfterEach
    void stop() throws Exception {
        if (line != null) {
            line.close();
        }
        if (board != null) {
            board.close();
        }
        if (pty != null) {
            pty.close();
        }
    }
}
