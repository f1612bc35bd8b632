package pearl.device.tests.rom;

import pearl.device.rom.JsscSerialLine;
import pearl.device.rom.RomBootloaderClient;
import pearl.device.rom.RomTimeouts;
import pearl.device.tests.rom.RomBootloaderSimulator.Variant;

/** A simulated ROM loader on one side of a pty pair and Pearl's client on the other, closed together. */
final class SimulatedLoader implements AutoCloseable {

    final PtyPair pty;
    final RomBootloaderSimulator board;
    final JsscSerialLine line;
    final RomBootloaderClient client;

    private SimulatedLoader(PtyPair pty, RomBootloaderSimulator board, JsscSerialLine line, RomTimeouts timeouts) {
        this.pty = pty;
        this.board = board;
        this.line = line;
        this.client = new RomBootloaderClient(line, timeouts);
    }

    /** The pty's speed is nominal: {@code baud} only documents what the test means. */
    static SimulatedLoader start(Variant variant, boolean inBootloader, int baud, RomTimeouts timeouts) throws Exception {
        PtyPair pty = new PtyPair();
        RomBootloaderSimulator board = new RomBootloaderSimulator(pty.boardSide, variant, inBootloader);
        return new SimulatedLoader(pty, board, JsscSerialLine.open(pty.hostSide, baud), timeouts);
    }

    @Override
    public void close() throws Exception {
        line.close();
        board.close();
        pty.close();
    }
}
