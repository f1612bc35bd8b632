// Writes images to an ESP8266 ROM loader with esptool-js (Espressif's JavaScript client, not
// Pearl's code), over a pseudo-terminal, the way a user of esptool-js would flash without the
// flasher stub: detect the chip without resetting it, then writeFlash uncompressed. Usage:
//   node flash.mjs /dev/pts/N ADDRESS IMAGE [ADDRESS IMAGE]...
// Prints "CHIP name", then "WROTE n" and exits 0, or "ERROR message" (esptool-js's log on stderr)
// and exits 1.
//
// No stub: ESPLoader.main() would upload and run the stub, so this calls detectChip() and
// writeFlash() itself, and loader.IS_STUB stays false (esptool-js's ROM path: FLASH_BEGIN with
// five words, no FLASH_END, no erase-size correction for the ESP8266).
// One setting is changed: esptool-js 0.7.0 keeps its 16 KB FLASH_WRITE_SIZE (the stub's block)
// in ROM mode, where the ESP8266 ROM loader's block is 0x400 (1 KB; serial-protocols.md 2.7, and
// what esptool.py uses for this ROM). FLASH_WRITE_SIZE is a public field of ESPLoader; it is set
// to the ROM's block before writing. Nothing else of esptool-js is replaced.
import fs from "node:fs";
import { ESPLoader, Transport } from "esptool-js";
import { PtyDevice } from "./pty-device.mjs";

const ROM_FLASH_WRITE_SIZE = 0x400;

const [path, ...rest] = process.argv.slice(2);
if (!path || rest.length === 0 || rest.length % 2 !== 0) {
  console.log("ERROR usage: node flash.mjs DEVICE ADDRESS IMAGE [ADDRESS IMAGE]...");
  process.exit(2);
}
const log = [];
const terminal = { clean() {}, writeLine(s) { log.push(s); }, write(s) { log.push(s); } };
const loader = new ESPLoader({ transport: new Transport(new PtyDevice(path), false), baudrate: 115200, romBaudrate: 115200, terminal });
try {
  const files = [];
  for (let i = 0; i < rest.length; i += 2) {
    files.push({ address: Number(rest[i]), data: new Uint8Array(fs.readFileSync(rest[i + 1])) });
  }
  await loader.detectChip("no_reset");
  console.log("CHIP " + loader.chip.CHIP_NAME);
  if (loader.IS_STUB) {
    throw new Error("esptool-js is talking to a stub, not the ROM loader");
  }
  loader.FLASH_WRITE_SIZE = ROM_FLASH_WRITE_SIZE;
  await loader.writeFlash({ fileArray: files, flashSize: "keep", flashMode: "keep", flashFreq: "keep", eraseAll: false, compress: false });
  console.log("WROTE " + files.length);
  console.error(log.join("\n"));
  process.exit(0);
} catch (e) {
  console.log("ERROR " + e.message);
  console.error(log.join("\n"));
  process.exit(1);
}
