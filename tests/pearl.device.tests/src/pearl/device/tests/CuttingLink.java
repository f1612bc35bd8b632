package pearl.device.tests;

import pearl.device.repl.DeviceException;
import pearl.device.repl.Link;

/**
 * A real serial link that is cut after a given number of bytes: the bytes up to the cut reach
 * the board, then the port is closed, as when a cable is pulled or the tool is killed.
 */
final class CuttingLink implements Link {

    private final Link link;
    private long budget;
    private long written;

    CuttingLink(Link link, long budget) {
        this.link = link;
        this.budget = budget;
    }

    /** From now on, the link is cut after {@code more} further bytes. */
    void cutAfter(long more) {
        budget = written + more;
    }

    long written() {
        return written;
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        if (written + bytes.length > budget) {
            int part = (int) (budget - written);
            if (part > 0) {
                link.write(java.util.Arrays.copyOf(bytes, part));
                written += part;
            }
            link.close();
            throw new DeviceException(DeviceException.Kind.IO, "cut after " + written + " bytes");
        }
        link.write(bytes);
        written += bytes.length;
    }

    @Override
    public byte[] read(int millis) throws DeviceException {
        return link.read(millis);
    }

    @Override
    public boolean pulseReset() throws DeviceException {
        return link.pulseReset();
    }

    @Override
    public void close() {
        link.close();
    }
}
