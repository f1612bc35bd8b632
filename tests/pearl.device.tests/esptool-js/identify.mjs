// Connects esptool-js (Espressif's JavaScript client, not Pearl's code) to a serial device path,
// without resetting it, and prints what it learns: the chip and its MAC. Usage:
//   node identify.mjs /dev/pts/N
// (flash.mjs writes images the same way.)
// PtyDevice (pty-device.mjs) is the adapter that gives esptool-js a serial port over a pty.
import { ESPLoader, Transport } from "esptool-js";
import { PtyDevice } from "./pty-device.mjs";

const [path] = process.argv.slice(2);
const log = [];
const terminal = { clean() {}, writeLine(s) { log.push(s); }, write(s) { log.push(s); } };
const loader = new ESPLoader({ transport: new Transport(new PtyDevice(path), false), baudrate: 115200, romBaudrate: 115200, terminal });
try {
  await loader.detectChip("no_reset");
  console.log("CHIP " + loader.chip.CHIP_NAME);
  console.log("MAC " + (await loader.chip.readMac(loader)));
  process.exit(0);
} catch (e) {
  console.log("ERROR " + e.message);
  console.error(log.join("\n"));
  process.exit(1);
}
