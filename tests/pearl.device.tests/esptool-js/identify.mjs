// Connects esptool-js (Espressif's JavaScript client, not Pearl's code) to a serial device path,
// without resetting it, and prints what it learns: the chip and its MAC. Usage:
//   node identify.mjs /dev/pts/N [ADDRESS IMAGE]...
// With images it also tries to write them through the ROM loader (no stub, no compression).
// esptool-js talks to a Web Serial port; PtyDevice is the small adapter that gives it one over a
// pseudo-terminal with Node's fs, so the bytes on the wire are exactly esptool-js's own.
import fs from "node:fs";
import { Readable } from "node:stream";
import tty from "node:tty";
import { ESPLoader, Transport } from "esptool-js";

class PtyDevice {
  constructor(path) {
    this.path = path;
    this.readable = null;
    this.writable = null;
  }
  getInfo() {
    return {};
  }
  async open() {
    const fd = fs.openSync(this.path, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
    this.fd = fd;
    // A tty stream reads without blocking a thread-pool thread (a blocked fs read would keep
    // Node from exiting while the port stays open).
    const input = new tty.ReadStream(fd);
    input.setRawMode(true);
    this.readable = Readable.toWeb(input);
    this.writable = new WritableStream({
      write(chunk) {
        for (let done = 0; done < chunk.length; ) {
          done += fs.writeSync(fd, chunk, done);
        }
      },
    });
  }
  async setSignals() {
    // a pseudo-terminal has no modem lines; the simulated board is already in its bootloader
  }
  async close() {}
}

const [path, ...rest] = process.argv.slice(2);
const log = [];
const terminal = { clean() {}, writeLine(s) { log.push(s); }, write(s) { log.push(s); } };
const loader = new ESPLoader({ transport: new Transport(new PtyDevice(path), false), baudrate: 115200, romBaudrate: 115200, terminal });
try {
  await loader.detectChip("no_reset");
  console.log("CHIP " + loader.chip.CHIP_NAME);
  console.log("MAC " + (await loader.chip.readMac(loader)));
  const files = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    files.push({ address: Number(rest[i]), data: new Uint8Array(fs.readFileSync(rest[i + 1])) });
  }
  if (files.length > 0) {
    await loader.writeFlash({ fileArray: files, flashSize: "keep", flashMode: "keep", flashFreq: "keep", eraseAll: false, compress: false });
    console.log("WROTE " + files.length);
  }
  process.exit(0);
} catch (e) {
  console.log("ERROR " + e.message);
  console.error(log.join("\n"));
  process.exit(1);
}
