package pearl.device.rom;

import java.io.ByteArrayOutputStream;

/**
 * Reassembles SLIP frames from a byte stream, one byte at a time, so it can sit behind any read
 * loop. Bytes outside a frame (boot chatter, a REPL prompt) and frames with a broken escape are
 * not payloads; they are counted and reported to the {@link Listener} so a strict reader (the
 * test simulator) can treat them as errors while the host client simply skips them.
 */
public final class SlipDecoder {

    /** What the decoder found besides good frames. */
    public interface Listener {
        /** A byte arrived outside any frame ("invalid head of packet"). */
        default void byteOutsideFrame(int b) {
        }

        /** {@code DB} was followed by something other than {@code DC}/{@code DD}; the frame is dropped. */
        default void invalidEscape(int b) {
        }
    }

    private static final Listener SILENT = new Listener() {
    };

    private final Listener listener;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;
    private boolean escaped;
    private boolean broken;

    /** A decoder that ignores what is not a frame. */
    public SlipDecoder() {
        this(SILENT);
    }

    /** A decoder that tells {@code listener} about bytes that are not part of a good frame. */
    public SlipDecoder(Listener listener) {
        this.listener = listener;
    }

    /**
     * Takes one byte from the wire.
     *
     * @return the payload of the frame this byte completes, or {@code null}
     */
    public byte[] accept(int b) {
        b &= 0xFF;
        if (!inFrame) {
            if (b == SlipCodec.END) {
                startFrame();
            } else {
                listener.byteOutsideFrame(b);
            }
            return null;
        }
        if (b == SlipCodec.END) {
            if (frame.size() == 0 && !broken) {
                // Two delimiters in a row: the first ended nothing (or a previous frame's end was
                // taken as a start), so this one starts the frame instead of ending an empty one.
                startFrame();
                return null;
            }
            boolean good = !broken && !escaped;
            byte[] payload = frame.toByteArray();
            inFrame = false;
            return good ? payload : null;
        }
        if (broken) {
            return null;
        }
        if (escaped) {
            escaped = false;
            if (b == SlipCodec.ESC_END) {
                frame.write(SlipCodec.END);
            } else if (b == SlipCodec.ESC_ESC) {
                frame.write(SlipCodec.ESC);
            } else {
                broken = true;
                listener.invalidEscape(b);
            }
        } else if (b == SlipCodec.ESC) {
            escaped = true;
        } else {
            frame.write(b);
        }
        return null;
    }

    private void startFrame() {
        inFrame = true;
        escaped = false;
        broken = false;
        frame.reset();
    }
}
