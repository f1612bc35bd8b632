package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code i2c} with a BME280 and a DS3231 on the bus, read by drivers written from their datasheets. */
class I2cModuleTest {

    /** A BME280 driver as a NodeMCU user writes it from the datasheet (section 4.2.3, double precision). */
    private static final String BME280_DRIVER = """
            local id, addr = 0, 0x76
            print('speed', i2c.setup(id, 2, 1, i2c.SLOW))
            local function write(reg, ...)
              i2c.start(id); i2c.address(id, addr, i2c.TRANSMITTER); i2c.write(id, reg, ...); i2c.stop(id)
            end
            local function read(reg, n)
              i2c.start(id); i2c.address(id, addr, i2c.TRANSMITTER); i2c.write(id, reg)
              i2c.start(id); i2c.address(id, addr, i2c.RECEIVER)
              local s = i2c.read(id, n); i2c.stop(id); return s
            end
            local function u16(s, i) return s:byte(i) + s:byte(i + 1) * 256 end
            local function s16(s, i) local v = u16(s, i); return v >= 32768 and v - 65536 or v end
            print('id', string.format('0x%02x', read(0xD0, 1):byte()))
            local c = read(0x88, 24)
            local T1, T2, T3 = u16(c, 1), s16(c, 3), s16(c, 5)
            local P = { u16(c, 7) }
            for i = 2, 9 do P[i] = s16(c, 5 + 2 * i) end
            local H1 = read(0xA1, 1):byte()
            local h = read(0xE1, 7)
            local H2, H3 = s16(h, 1), h:byte(3)
            local e4 = h:byte(4); if e4 >= 128 then e4 = e4 - 256 end
            local e6 = h:byte(6); if e6 >= 128 then e6 = e6 - 256 end
            local H4 = e4 * 16 + h:byte(5) % 16
            local H5 = e6 * 16 + math.floor(h:byte(5) / 16)
            local H6 = h:byte(7); if H6 >= 128 then H6 = H6 - 256 end
            write(0xF2, 0x01)            -- humidity x1
            write(0xF4, 0x25)            -- temperature x1, pressure x1, forced mode
            print('status', read(0xF3, 1):byte())
            tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
              print('status', read(0xF3, 1):byte())
              local d = read(0xF7, 8)
              local adcP = d:byte(1) * 4096 + d:byte(2) * 16 + math.floor(d:byte(3) / 16)
              local adcT = d:byte(4) * 4096 + d:byte(5) * 16 + math.floor(d:byte(6) / 16)
              local adcH = d:byte(7) * 256 + d:byte(8)
              local var1 = (adcT / 16384 - T1 / 1024) * T2
              local var2 = (adcT / 131072 - T1 / 8192) ^ 2 * T3
              local tfine = var1 + var2
              local t = tfine / 5120
              var1 = tfine / 2 - 64000
              var2 = var1 * var1 * P[6] / 32768
              var2 = var2 + var1 * P[5] * 2
              var2 = var2 / 4 + P[4] * 65536
              var1 = (P[3] * var1 * var1 / 524288 + P[2] * var1) / 524288
              var1 = (1 + var1 / 32768) * P[1]
              local p = 1048576 - adcP
              p = (p - var2 / 4096) * 6250 / var1
              var1 = P[9] * p * p / 2147483648
              var2 = p * P[8] / 32768
              p = p + (var1 + var2 + P[7]) / 16
              local vh = tfine - 76800
              vh = (adcH - (H4 * 64 + H5 / 16384 * vh)) * (H2 / 65536 * (1 + H6 / 67108864 * vh * (1 + H3 / 67108864 * vh)))
              vh = vh * (1 - H1 * vh / 524288)
              print(string.format('bme280 %.3f %.2f %.3f', t, p, vh))
            end)
            """;

    private static final Pattern READING = Pattern.compile("bme280 (\\S+) (\\S+) (\\S+)");

    @Test
    void aDatasheetDriverReadsTheSimulatedBme280() {
        aDatasheetDriverReads(23.45, 98765.4, 56.7);
        aDatasheetDriverReads(-12.3, 101325, 12.5);
        aDatasheetDriverReads(41.0, 85000, 93.2);
    }

    private static void aDatasheetDriverReads(double celsius, double pascals, double humidity) {
        TestBoards b = new TestBoards(BME280_DRIVER, """
                {"i2c": [{"device": "bme280", "address": 118, "temperature": %s, "pressure": %s, "humidity": %s}]}
                """.formatted(celsius, pascals, humidity));
        String out = b.printed(200);
        assertTrue(out.contains("speed\t100000\nid\t0x60\n"), out);
        // the forced measurement takes its time: measuring (bit 3) at first, done 20 ms later
        assertTrue(out.contains("status\t8\n"), out);
        assertTrue(out.contains("status\t0\n"), out);
        Matcher m = READING.matcher(out);
        assertTrue(m.find(), out);
        assertEquals(celsius, Double.parseDouble(m.group(1)), 0.01, out);
        assertEquals(pascals, Double.parseDouble(m.group(2)), 3, out); // 16-bit resolution at x1: 2.6 Pa
        assertEquals(humidity, Double.parseDouble(m.group(3)), 0.05, out);
    }

    @Test
    void anAbsentAddressIsNotAcknowledged() {
        TestBoards b = new TestBoards("""
                i2c.setup(0, 2, 1, i2c.FAST)
                i2c.start(0)
                print('0x50', i2c.address(0, 0x50, i2c.TRANSMITTER))
                print('written', i2c.write(0, 1, 2, 3))
                i2c.stop(0)
                i2c.start(0)
                print('0x76', i2c.address(0, 0x76, i2c.TRANSMITTER))
                print('written', i2c.write(0, 0xD0, {1, 2}, 'ab'))
                i2c.stop(0)
                i2c.start(0)
                i2c.address(0, 0x51, i2c.RECEIVER)
                print('read', i2c.read(0, 2) == '\\255\\255')
                i2c.stop(0)
                """, """
                {"i2c": [{"device": "bme280"}]}
                """);
        String out = b.printed(100);
        assertTrue(out.contains("0x50\tfalse\nwritten\t0\n0x76\ttrue\nwritten\t5\nread\ttrue\n"), out);
    }

    @Test
    void badArgumentsGiveTheFirmwaresErrors() {
        TestBoards b = new TestBoards("""
                print(pcall(function() i2c.start(0) end))
                print(pcall(function() i2c.setup(1, 2, 1, i2c.SLOW) end))
                print(pcall(function() i2c.setup(0, 0, 1, i2c.SLOW) end))
                print(pcall(function() i2c.setup(0, 2, 13, i2c.SLOW) end))
                print(pcall(function() i2c.setup(0, 2, 1, 0) end))
                i2c.setup(0, 2, 1, i2c.SLOW)
                print(pcall(function() i2c.address(0, 128, i2c.TRANSMITTER) end))
                print(pcall(function() i2c.write(0, 256) end))
                print(pcall(function() i2c.write(0, true) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("""
                false\tinit.lua:1: i2c 0 is not configured
                false\tinit.lua:2: i2c 1 does not exist
                false\tinit.lua:3: i2c SDA on D0 is not supported
                false\tinit.lua:4: gpio 13 does not exist
                false\tinit.lua:5: bad argument #4 to 'setup' (wrong arg range)
                false\tinit.lua:7: bad argument #2 to 'address' (wrong arg range)
                false\tinit.lua:8: bad argument #2 to 'write' (wrong arg range)
                false\tinit.lua:9: bad argument #2 to 'write' (wrong arg type)
                """), out);
    }

    @Test
    void theDs3231KeepsTimeInBcdWithVirtualTime() {
        TestBoards b = new TestBoards("""
                i2c.setup(0, 2, 1, i2c.FAST)
                local function bcd(b) return math.floor(b / 16) * 10 + b % 16 end
                local function now()
                  i2c.start(0); i2c.address(0, 0x68, i2c.TRANSMITTER); i2c.write(0, 0)
                  i2c.start(0); i2c.address(0, 0x68, i2c.RECEIVER)
                  local r = i2c.read(0, 7); i2c.stop(0)
                  return string.format('20%02d-%02d-%02d %02d:%02d:%02d', bcd(r:byte(7)), bcd(r:byte(6) % 128),
                    bcd(r:byte(5)), bcd(r:byte(3) % 64), bcd(r:byte(2)), bcd(r:byte(1)))
                end
                print('at boot', now())
                tmr.create():alarm(3000, tmr.ALARM_SINGLE, function()
                  print('3 s later', now())
                  -- set 2025-12-31 23:59:59, 24-hour mode, day 3
                  i2c.start(0); i2c.address(0, 0x68, i2c.TRANSMITTER)
                  i2c.write(0, 0, 0x59, 0x59, 0x23, 3, 0x31, 0x12, 0x25); i2c.stop(0)
                  print('set', now())
                end)
                tmr.create():alarm(5500, tmr.ALARM_SINGLE, function() print('later', now()) end)
                """, """
                {"i2c": [{"device": "ds3231", "time": "2024-02-28T23:59:58"}]}
                """);
        String out = b.printed(6000);
        assertTrue(out.contains("at boot\t2024-02-28 23:59:58\n"), out);
        assertTrue(out.contains("3 s later\t2024-02-29 00:00:01\n"), out);
        assertTrue(out.contains("set\t2025-12-31 23:59:59\n"), out);
        assertTrue(out.contains("later\t2026-01-01 00:00:01\n"), out);
    }
}
