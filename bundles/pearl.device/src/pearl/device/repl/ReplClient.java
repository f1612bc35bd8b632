package pearl.device.repl;

import java.util.HashSet;
import java.util.Set;

/**
 * A connected NodeMCU board: the prompt found, the firmware probed, the leftovers of an
 * interrupted upload removed. The entry point for {@link ReplUploader}, {@link BoardFiles}.
 */
public final class ReplClient implements AutoCloseable {

    /** How long a connect looks for the prompt by default (a board may be booting). */
    public static final int CONNECT_MILLIS = 8000;
    static final int COMMAND_MILLIS = 3000;

    private final ReplSession session;
    private Firmware firmware;
    private final Set<String> helpers = new HashSet<>();

    private ReplClient(ReplSession session, Firmware firmware) {
        this.session = session;
        this.firmware = firmware;
    }

    /** Opens {@code device} and connects: see {@link #connect(Link, int)}. */
    public static ReplClient open(String device, int baud) throws DeviceException {
        return connect(SerialLink.open(device, baud), CONNECT_MILLIS);
    }

    /**
     * Finds the prompt on {@code link}, probes the firmware and removes the temporary file of an
     * upload that was cut. Closes the link when that fails.
     */
    public static ReplClient connect(Link link, int millis) throws DeviceException {
        ReplSession session = new ReplSession(link);
        try {
            session.sync(millis);
            Firmware firmware = Firmware.parse(session.exec(Firmware.PROBE, COMMAND_MILLIS));
            session.execQuiet(BoardHelpers.CLEANUP, COMMAND_MILLIS);
            return new ReplClient(session, firmware);
        } catch (DeviceException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** What the firmware offers. */
    public Firmware firmware() {
        return firmware;
    }

    /**
     * Uses {@code encoder} and {@code crypto} only if allowed here as well as on the board: the
     * slower module-free paths, for a module that misbehaves (and for tests of those paths).
     */
    public void restrictModules(boolean encoder, boolean crypto) {
        firmware = new Firmware(firmware.luaVersion(), firmware.encoder() && encoder, firmware.crypto() && crypto,
                firmware.compile(), firmware.chipId());
    }

    /** The line-level session, for commands of one's own. */
    public ReplSession session() {
        return session;
    }

    /** Defines a helper function on the board once per connection (and again after a reboot). */
    void define(String helper) throws DeviceException {
        // helpers that call others: those first
        if (helper.equals(BoardHelpers.SHA1) || helper.equals(BoardHelpers.READ_HEX)) {
            define(BoardHelpers.HEX);
        }
        if (helper.equals(BoardHelpers.ADLER)) {
            define(BoardHelpers.ADLER_STEP);
        }
        if (helpers.add(helper)) {
            try {
                session.execQuiet(helper, COMMAND_MILLIS);
            } catch (DeviceException e) {
                helpers.remove(helper);
                throw e;
            }
        }
    }

    /** The board rebooted: its globals, our helpers among them, are gone. */
    void forgetHelpers() {
        helpers.clear();
    }

    @Override
    public void close() {
        session.close();
    }
}
