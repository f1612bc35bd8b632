package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ow} with DS18B20 thermometers on a pin, read as the datasheet says. */
class OwModuleTest {

    /** Reads the scratchpad of the device {@code rom} (or the only one, when nil) and checks its CRC. */
    private static final String DRIVER = """
            local pin = 3
            ow.setup(pin)
            local function scratchpad(rom)
              local present = ow.reset(pin)
              if rom then ow.select(pin, rom) else ow.skip(pin) end
              ow.write(pin, 0xBE, 1)
              local data = ow.read_bytes(pin, 9)
              return present, data, ow.crc8(string.sub(data, 1, 8)) == data:byte(9)
            end
            local function celsius(data)
              local raw = data:byte(1) + data:byte(2) * 256
              if raw >= 32768 then raw = raw - 65536 end
              return raw / 16
            end
            local function convert(rom)
              ow.reset(pin)
              if rom then ow.select(pin, rom) else ow.skip(pin) end
              ow.write(pin, 0x44, 1)
            end
            """;

    @Test
    void aDs18b20ReadsTheSetTemperatureAfterItsConversionTime() {
        TestBoards b = new TestBoards(DRIVER + """
                local present, data, ok = scratchpad()
                print('power-on', present, celsius(data), ok, string.format('0x%02x', data:byte(5)))
                convert()
                print('busy', ow.read(pin))
                tmr.create():alarm(750, tmr.ALARM_SINGLE, function()
                  print('done', ow.read(pin))
                  local present, data, ok = scratchpad()
                  print('reading', present, celsius(data), ok)
                  -- 9-bit resolution: 93.75 ms, 0.5 °C steps
                  ow.reset(pin); ow.skip(pin); ow.write_bytes(pin, string.char(0x4E, 75, 70, 0x1F), 1)
                  convert()
                  tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
                    local _, data, ok = scratchpad()
                    print('9 bits', celsius(data), ok)
                  end)
                end)
                """, """
                {"ow": [{"pin": 3, "device": "ds18b20", "serial": 4660, "temperature": -10.125}]}
                """);
        String out = b.printed(1000);
        assertTrue(out.contains("power-on\t1\t85\ttrue\t0x7f\nbusy\t0\ndone\t255\nreading\t1\t-10.125\ttrue\n9 bits\t-10\ttrue\n"), out);
    }

    @Test
    void theRomSearchFindsEachDeviceAndSelectAddressesOne() {
        TestBoards b = new TestBoards(DRIVER + """
                local roms = {}
                ow.reset_search(pin)
                repeat
                  local rom = ow.search(pin)
                  if rom then
                    roms[#roms + 1] = rom
                    print('found', string.format('%02x', rom:byte(1)), rom:byte(2) + rom:byte(3) * 256,
                      ow.crc8(rom:sub(1, 7)) == rom:byte(8))
                  end
                until not rom
                for _, rom in ipairs(roms) do convert(rom) end
                tmr.create():alarm(800, tmr.ALARM_SINGLE, function()
                  for _, rom in ipairs(roms) do
                    local _, data, ok = scratchpad(rom)
                    print('reads', rom:byte(2) + rom:byte(3) * 256, celsius(data), ok)
                  end
                end)
                """, """
                {"ow": [{"pin": 3, "device": "ds18b20", "serial": 258, "temperature": 21.5},
                        {"pin": 3, "device": "ds18b20", "serial": 772, "temperature": 30.0625},
                        {"pin": 3, "device": "ds18b20", "serial": 1, "temperature": 4}]}
                """);
        String out = b.printed(1000);
        for (String device : new String[] { "258\t21.5", "772\t30.0625", "1\t4" }) {
            String serial = device.substring(0, device.indexOf('\t'));
            assertTrue(out.contains("found\t28\t" + serial + "\ttrue\n"), out);
            assertTrue(out.contains("reads\t" + device + "\ttrue\n"), out);
        }
    }

    @Test
    void withoutADeviceThereIsNoPresenceAndTheCrcFails() {
        TestBoards b = new TestBoards(DRIVER + """
                local present, data, ok = scratchpad()
                print('nobody', present, data == string.rep('\\255', 9), ok)
                print('search', ow.search(pin))
                """, """
                {"ow": [{"pin": 4, "device": "ds18b20"}]}
                """);
        String out = b.printed(100);
        assertTrue(out.contains("nobody\t0\ttrue\tfalse\nsearch\tnil\n"), out);
    }

    @Test
    void badArgumentsGiveTheFirmwaresErrors() {
        TestBoards b = new TestBoards("""
                print(pcall(function() ow.setup(0) end))
                print(pcall(function() ow.reset(13) end))
                print(pcall(function() ow.write(3, 256, 1) end))
                print(pcall(function() ow.read_bytes(3, 257) end))
                """);
        String out = b.printed(100);
        assertTrue(out.contains("""
                false\tinit.lua:1: no 1-wire for D0
                false\tinit.lua:2: ow 13 does not exist
                false\tinit.lua:3: bad argument #2 to 'write' (wrong arg range)
                false\tinit.lua:4: Attempt to read too many characters
                """), out);
    }
}
