package pearl.device.rom;

import java.io.ByteArrayOutputStream;

/**
 * SLIP framing as the ESP8266 ROM loader uses it: every packet is {@code C0 <escaped payload> C0},
 * with {@code C0} sent as {@code DB DC} and {@code DB} as {@code DB DD} inside the payload.
 */
public final class SlipCodec {

    /** Frame delimiter. */
    public static final int END = 0xC0;
    /** Escape introducer. */
    public static final int ESC = 0xDB;
    /** Follows {@link #ESC} to stand for {@link #END}. */
    public static final int ESC_END = 0xDC;
    /** Follows {@link #ESC} to stand for {@link #ESC}. */
    public static final int ESC_ESC = 0xDD;

    private SlipCodec() {
    }

    /** The payload escaped and wrapped in delimiters, ready for the wire. */
    public static byte[] encode(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        out.write(END);
        for (byte b : payload) {
            int v = b & 0xFF;
            if (v == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (v == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(v);
            }
        }
        out.write(END);
        return out.toByteArray();
    }
}
