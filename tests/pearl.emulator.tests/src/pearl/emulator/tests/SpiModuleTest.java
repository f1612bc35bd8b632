package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code spi} with a BME280 on HSPI, selected by a GPIO chip select the program drives. */
class SpiModuleTest {

    private static final String WIRING = """
            {"spi": [{"device": "bme280", "cs": 8, "temperature": 22}]}
            """;

    @Test
    void aBme280AnswersOnSpiWhileItsChipSelectIsLow() {
        TestBoards b = new TestBoards("""
                local cs = 8
                print('setup', spi.setup(1, spi.MASTER, spi.CPOL_HIGH, spi.CPHA_HIGH, 8, 8))
                gpio.mode(cs, gpio.OUTPUT); gpio.write(cs, gpio.HIGH)
                local function read(reg, n)   -- bit 7 set: read
                  gpio.write(cs, gpio.LOW); spi.send(1, reg); local s = spi.recv(1, n); gpio.write(cs, gpio.HIGH)
                  return s
                end
                local function write(reg, v)  -- bit 7 clear: write
                  gpio.write(cs, gpio.LOW); spi.send(1, reg - 0x80, v); gpio.write(cs, gpio.HIGH)
                end
                print('id', string.format('0x%02x', read(0xD0, 1):byte()))
                print('deselected', spi.recv(1, 2) == '\\255\\255')
                write(0xF5, 0xA0)
                print('config', string.format('0x%02x', read(0xF5, 1):byte()))
                write(0xF4, 0x25)
                print('status', read(0xF3, 1):byte())
                tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
                  print('status', read(0xF3, 1):byte(), 'mode', read(0xF4, 1):byte() % 4)
                end)
                """, WIRING);
        String out = b.printed(100);
        assertTrue(out.contains("setup\t1\nid\t0x60\ndeselected\ttrue\nconfig\t0xa0\nstatus\t8\nstatus\t0\tmode\t0\n"), out);
    }

    @Test
    void fullDuplexReturnsWhatCameBack() {
        TestBoards b = new TestBoards("""
                spi.setup(1, spi.MASTER, spi.CPOL_LOW, spi.CPHA_LOW, 8, 8, spi.FULLDUPLEX)
                gpio.mode(8, gpio.OUTPUT); gpio.write(8, gpio.LOW)
                local n, control, id = spi.send(1, 0xD0, 0)
                print('duplex', n, control, string.format('0x%02x', id))
                print(pcall(function() spi.send(2, 1) end))
                print(pcall(function() spi.send(1, true) end))
                """, WIRING);
        String out = b.printed(100);
        assertTrue(out.contains("duplex\t2\t255\t0x60\n"), out);
        assertTrue(out.contains("false\tinit.lua:5: spi 2 does not exist\n"), out);
        assertTrue(out.contains("false\tinit.lua:6: bad argument #2 to 'send' (wrong arg type)\n"), out);
    }
}
