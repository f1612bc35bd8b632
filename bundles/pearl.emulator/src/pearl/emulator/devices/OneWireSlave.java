package pearl.emulator.devices;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ROM layer every 1-Wire slave shares, per the Maxim 1-Wire protocol: after a reset it takes
 * a ROM command: READ ROM (0x33), MATCH ROM (0x55 + 8 bytes), SKIP ROM (0xCC), SEARCH ROM (0xF0)
 * and ALARM SEARCH (0xEC, only when {@link #alarm()}), the search answering each ROM bit and its
 * complement and dropping out when the master picks the other branch. A selected device hands
 * the bytes that follow to its function layer.
 */
public abstract class OneWireSlave implements OneWireDevice {

    private enum State { IDLE, ROM_COMMAND, MATCH, SEARCH, SELECTED }

    private final byte[] rom;
    private final Deque<Integer> bitsOut = new ArrayDeque<>();
    private State state = State.IDLE;
    private int received;
    private int bitCount;
    private int searchBit;
    private int searchPhase;
    private int matched;

    /** A slave with ROM code {@code family}, {@code serial} (48 bits) and their CRC. */
    protected OneWireSlave(int family, long serial) {
        rom = new byte[8];
        rom[0] = (byte) family;
        for (int i = 0; i < 6; i++) {
            rom[1 + i] = (byte) (serial >> (8 * i));
        }
        rom[7] = (byte) DallasCrc.crc8(rom, 0, 7);
    }

    @Override
    public byte[] rom() {
        return rom.clone();
    }

    @Override
    public void reset() {
        state = State.ROM_COMMAND;
        bitsOut.clear();
        received = 0;
        bitCount = 0;
    }

    @Override
    public void writeBit(int bit) {
        switch (state) {
        case ROM_COMMAND, MATCH, SELECTED -> {
            received |= (bit & 1) << bitCount++;
            if (bitCount == 8) {
                int value = received;
                received = 0;
                bitCount = 0;
                byteReceived(value);
            }
        }
        case SEARCH -> {
            if (searchPhase == 2) {
                if ((bit & 1) != romBit(searchBit)) {
                    state = State.IDLE; // the master took the other branch
                    return;
                }
                searchPhase = 0;
                if (++searchBit == 64) {
                    state = State.SELECTED;
                }
            }
        }
        default -> {
            // not addressed: ignores the bus until the next reset
        }
        }
    }

    @Override
    public int readBit() {
        switch (state) {
        case SEARCH -> {
            if (searchPhase == 0) {
                searchPhase = 1;
                return romBit(searchBit);
            }
            if (searchPhase == 1) {
                searchPhase = 2;
                return 1 - romBit(searchBit);
            }
            return 1;
        }
        case SELECTED -> {
            return bitsOut.isEmpty() ? idleReadBit() : bitsOut.poll();
        }
        case ROM_COMMAND -> {
            return bitsOut.isEmpty() ? 1 : bitsOut.poll();
        }
        default -> {
            return 1;
        }
        }
    }

    private int romBit(int n) {
        return (rom[n / 8] >> (n % 8)) & 1;
    }

    private void byteReceived(int value) {
        switch (state) {
        case ROM_COMMAND -> romCommand(value);
        case MATCH -> {
            if ((byte) value != rom[matched++]) {
                state = State.IDLE;
            } else if (matched == 8) {
                state = State.SELECTED;
            }
        }
        case SELECTED -> functionByte(value);
        default -> {
        }
        }
    }

    private void romCommand(int command) {
        switch (command) {
        case 0x33 -> {
            queueBytes(rom);
            state = State.SELECTED;
        }
        case 0x55 -> {
            matched = 0;
            state = State.MATCH;
        }
        case 0xCC -> state = State.SELECTED;
        case 0xF0 -> startSearch();
        case 0xEC -> {
            if (alarm()) {
                startSearch();
            } else {
                state = State.IDLE;
            }
        }
        default -> state = State.IDLE;
        }
    }

    private void startSearch() {
        state = State.SEARCH;
        searchBit = 0;
        searchPhase = 0;
    }

    /** Queues bytes the device sends in the next read slots (LSB first). */
    protected final void queueBytes(byte[] bytes) {
        for (byte b : bytes) {
            for (int i = 0; i < 8; i++) {
                bitsOut.add((b >> i) & 1);
            }
        }
    }

    /** Drops bytes queued for sending (a new function command). */
    protected final void clearQueue() {
        bitsOut.clear();
    }

    /** A byte of a function command or its data, once the device is selected. */
    protected abstract void functionByte(int value);

    /** What a read slot gives when nothing is queued (e.g. 0 while busy converting, then 1). */
    protected int idleReadBit() {
        return 1;
    }

    /** Whether the device answers an ALARM SEARCH. */
    protected boolean alarm() {
        return false;
    }
}
