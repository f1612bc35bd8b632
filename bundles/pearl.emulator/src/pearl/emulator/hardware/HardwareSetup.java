package pearl.emulator.hardware;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import pearl.emulator.devices.Bme280;
import pearl.emulator.devices.Ds18b20;
import pearl.emulator.devices.Ds3231;
import pearl.emulator.devices.SpiRegisterAccess;

/**
 * Wires a board from JSON (the {@code "hardware"} object of a board profile). Every key is
 * optional:
 *
 * <pre>
 * {
 *   "gpio":  [ {"at": 1000, "pin": 3, "level": 0}, ... ],   outside edges; at = ms since power-on (fractions ok)
 *   "adc":   512  or  [ {"at": 0, "value": 512}, ... ],      TOUT samples 0..1023 from a time on
 *   "vdd33": 3300,                                           supply voltage in mV
 *   "i2c":   [ {"device": "bme280", "address": 118, "temperature": 21.5, "pressure": 101325, "humidity": 45},
 *              {"device": "ds3231", "time": "2024-05-01T12:00:00", "temperature": 25, "int": 5} ],
 *   "spi":   [ {"device": "bme280", "cs": 8, "temperature": 21.5, "pressure": 101325, "humidity": 45} ],
 *   "ow":    [ {"pin": 3, "device": "ds18b20", "serial": 1, "temperature": 23.5} ]
 * }
 * </pre>
 *
 * Units: °C, Pa, %RH. A BME280's address is 0x76 (118) or 0x77 (119), 0x76 when left out; on
 * SPI its chip select is a GPIO pin ({@code cs}) the program drives low. A DS3231's {@code int}
 * is the GPIO pin its INT/SQW output is wired to (with the pull-up its module has): the alarms
 * pull it low, so {@code gpio.trig} on it fires.
 */
public final class HardwareSetup {

    private HardwareSetup() {
    }

    /**
     * Adds what {@code json} describes to {@code hardware}.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static void apply(String json, BoardHardware hardware) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("hardware: expected a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("hardware: " + e.getMessage(), e);
        }
        for (JsonElement e : array(root, "gpio")) {
            JsonObject edge = e.getAsJsonObject();
            int pin = integer(edge, "pin", -1);
            if (pin < 0 || pin >= GpioPins.COUNT) {
                throw new IllegalArgumentException("hardware.gpio: pin " + pin + " is not 0..12");
            }
            hardware.inputs().add(micros(edge), pin, integer(edge, "level", 0));
        }
        JsonElement adc = root.get("adc");
        if (adc != null && adc.isJsonPrimitive()) {
            hardware.analog().set(0, adc.getAsInt());
        } else {
            for (JsonElement e : array(root, "adc")) {
                hardware.analog().set(micros(e.getAsJsonObject()), integer(e.getAsJsonObject(), "value", 0));
            }
        }
        if (root.has("vdd33")) {
            hardware.analog().setVdd(root.get("vdd33").getAsInt());
        }
        for (JsonElement e : array(root, "i2c")) {
            JsonObject device = e.getAsJsonObject();
            String type = string(device, "device");
            switch (type) {
            case "bme280" -> hardware.i2c().attach(bme280(device, integer(device, "address", 0x76), hardware));
            case "ds3231" -> {
                Ds3231 rtc = new Ds3231(time(device), hardware::micros);
                rtc.setTemperature(number(device, "temperature", 25));
                hardware.i2c().attach(rtc);
                if (device.has("int")) {
                    wireInterrupt(rtc, integer(device, "int", -1), hardware);
                }
            }
            default -> throw new IllegalArgumentException("hardware.i2c: unknown device \"" + type + "\" (bme280, ds3231)");
            }
        }
        for (JsonElement e : array(root, "spi")) {
            JsonObject device = e.getAsJsonObject();
            String type = string(device, "device");
            if (!type.equals("bme280")) {
                throw new IllegalArgumentException("hardware.spi: unknown device \"" + type + "\" (bme280)");
            }
            int cs = integer(device, "cs", -1);
            if (cs < 0 || cs >= GpioPins.COUNT) {
                throw new IllegalArgumentException("hardware.spi: chip select pin " + cs + " is not 0..12");
            }
            hardware.spi().attach(new SpiRegisterAccess(bme280(device, 0x76, hardware), cs));
        }
        for (JsonElement e : array(root, "ow")) {
            JsonObject device = e.getAsJsonObject();
            String type = string(device, "device");
            if (!type.equals("ds18b20")) {
                throw new IllegalArgumentException("hardware.ow: unknown device \"" + type + "\" (ds18b20)");
            }
            int pin = integer(device, "pin", -1);
            if (pin < 1 || pin >= GpioPins.COUNT) {
                throw new IllegalArgumentException("hardware.ow: pin " + pin + " is not 1..12");
            }
            hardware.oneWire(pin).attach(new Ds18b20((long) number(device, "serial", 1), hardware::micros,
                    number(device, "temperature", 20)));
        }
    }

    /**
     * Adds what the {@code "hardware"} object of the board profile {@code profileJson} describes
     * (nothing when it has none).
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static void applyProfile(String profileJson, BoardHardware hardware) {
        JsonElement profile;
        try {
            profile = JsonParser.parseString(profileJson);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (profile.isJsonObject() && profile.getAsJsonObject().has("hardware")) {
            apply(profile.getAsJsonObject().get("hardware").toString(), hardware);
        }
    }

    /** Wires the DS3231's open-drain INT/SQW to GPIO {@code pin}, held high by a pull-up when released. */
    private static void wireInterrupt(Ds3231 rtc, int pin, BoardHardware hardware) {
        if (pin < 0 || pin >= GpioPins.COUNT) {
            throw new IllegalArgumentException("hardware.i2c: ds3231 int pin " + pin + " is not 0..12");
        }
        hardware.inputs().add(0, pin, 1);
        Ds3231.InterruptLine line = new Ds3231.InterruptLine() {
            @Override
            public void level(int level) {
                hardware.drive(pin, level);
            }

            @Override
            public void at(long micros, Runnable action) {
                hardware.at(micros, action);
            }
        };
        hardware.onBoot(() -> rtc.wireInterrupt(line));
    }

    private static Bme280 bme280(JsonObject device, int address, BoardHardware hardware) {
        return new Bme280(address, hardware::micros, number(device, "temperature", 20), number(device, "pressure", 101_325),
                number(device, "humidity", 50));
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("hardware." + key + ": expected an array");
        }
        return e.getAsJsonArray();
    }

    private static long micros(JsonObject o) {
        return Math.round(number(o, "at", 0) * 1000);
    }

    private static double number(JsonObject o, String key, double fallback) {
        return o.has(key) ? o.get(key).getAsDouble() : fallback;
    }

    private static int integer(JsonObject o, String key, int fallback) {
        return o.has(key) ? o.get(key).getAsInt() : fallback;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsString() : "";
    }

    private static LocalDateTime time(JsonObject o) {
        try {
            return o.has("time") ? LocalDateTime.parse(o.get("time").getAsString()) : LocalDateTime.of(2000, 1, 1, 0, 0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hardware.i2c: time \"" + o.get("time").getAsString()
                    + "\" is not like 2024-05-01T12:00:00");
        }
    }
}
