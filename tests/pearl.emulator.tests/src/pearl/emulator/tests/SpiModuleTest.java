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

    @Test
    void bitLevelTransactionsReadAndWriteTheBme280() {
        TestBoards b = new TestBoards("""
                spi.setup(1, spi.MASTER, spi.CPOL_HIGH, spi.CPHA_HIGH, 8, 8)
                gpio.mode(8, gpio.OUTPUT); gpio.write(8, gpio.LOW)
                local function hex(...) local t = {} for i, v in ipairs({...}) do t[i] = string.format('0x%02x', v) end return table.concat(t, ' ') end
                spi.transaction(1, 8, 0xD0, 0, 0, 0, 0, 8)                -- command phase: read chip id
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                print('id', hex(spi.get_miso(1, 0, 8, 1)))
                spi.set_mosi(1, 0, 8, 0xA0)
                spi.transaction(1, 0, 0, 8, 0xF5 - 0x80, 8, 0, 0)          -- address phase, then MOSI: write config
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                spi.transaction(1, 8, 0xF5, 0, 0, 0, 0, 8)
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                print('config', hex(spi.get_miso(1, 0, 8, 1)))
                spi.transaction(1, 8, 0x88, 0, 0, 0, 0, 48)                -- six calibration bytes
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                local bytes = spi.get_miso(1, 6)
                spi.send(1, 0x88); local recv = spi.recv(1, 6)
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                print('same as recv', bytes == recv, #bytes, spi.get_miso(1, 0, 16, 1) == recv:byte(1) * 256 + recv:byte(2))
                spi.set_mosi(1, 0, 8, 0xD0, 0x00, 0x33)
                spi.transaction(1, 0, 0, 0, 0, 16, 0, -16)                 -- full duplex over the MOSI phase
                print('duplex', hex(spi.get_miso(1, 0, 8, 3)))
                gpio.write(8, gpio.HIGH); gpio.write(8, gpio.LOW)
                spi.set_mosi(1, "\\208\\0")
                spi.transaction(1, 0, 0, 0, 0, 16, 0, -16)
                print('string', hex(spi.get_miso(1, 2):byte(1, 2)), hex(spi.get_miso(1, 4, 4, 1)))
                """, WIRING);
        String out = b.printed(100);
        assertTrue(out.contains("id\t0x60\n"), out);
        assertTrue(out.contains("config\t0xa0\n"), "the MOSI phase wrote the register: " + out);
        assertTrue(out.contains("same as recv\ttrue\t6\ttrue\n"), out);
        // MISO overwrites the shared buffer from bit 0: the third byte is still what set_mosi put there
        assertTrue(out.contains("duplex\t0xff 0x60 0x33\n"), out);
        assertTrue(out.contains("string\t0xff 0x60\t0x0f\n"), out);
    }

    @Test
    void bitLevelArgumentErrors() {
        java.util.List<String> out = LuaScripts.run("""
                print(pcall(function() spi.set_mosi(1, 0, 33, 1) end))
                print(pcall(function() spi.set_mosi(1, 512, 8, 1) end))
                print(pcall(function() spi.set_mosi(1, 500, 8, 1, 2) end))
                print(pcall(function() spi.set_mosi(1, 0, 8, 1, 'x') end))
                print(pcall(function() spi.set_mosi(1, string.rep('x', 65)) end))
                print(pcall(function() spi.get_miso(1, 0, 32, 17) end))
                print(pcall(function() spi.get_miso(3, 0, 8, 1) end))
                print(pcall(function() spi.transaction(1, 17, 0, 0, 0, 0, 0, 0) end))
                print(pcall(function() spi.transaction(1, 8, 0, 33, 0, 0, 0, 0) end))
                print(pcall(function() spi.transaction(1, 8, 0, 0, 0, 0, 0, 513) end))
                print(pcall(function() spi.transaction(1, 8, 0, 0, 0, 0, 257, 8) end))
                print(pcall(function() spi.transaction(1, 8) end))
                """);
        assertTrue(out.equals(java.util.List.of(
                "false\tinit.lua:2: bad argument #3 to 'set_mosi' (out of range)",
                "false\tinit.lua:3: bad argument #2 to 'set_mosi' (out of range)",
                "false\tinit.lua:4: data range exceeded > 512 bits",
                "false\tinit.lua:5: bad argument #5 to 'set_mosi' (wrong arg type)",
                "false\tinit.lua:6: data range exceeded > 512 bits",
                "false\tinit.lua:7: data range exceeded > 512 bits",
                "false\tinit.lua:8: spi 3 does not exist",
                "false\tinit.lua:9: bad argument #2 to 'transaction' (out of range)",
                "false\tinit.lua:10: bad argument #4 to 'transaction' (out of range)",
                "false\tinit.lua:11: bad argument #8 to 'transaction' (out of range)",
                "false\tinit.lua:12: bad argument #7 to 'transaction' (out of range)",
                "false\tinit.lua:13: bad argument #3 to 'transaction' (number expected, got no value)")), String.join("\n", out));
    }
}
