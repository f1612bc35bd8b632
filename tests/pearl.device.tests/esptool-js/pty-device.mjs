// The small transport adapter between esptool-js (Espressif's JavaScript client, not Pearl's
// code) and a pseudo-terminal. esptool-js talks to a Web Serial port; PtyDevice gives it one over a
// pty with Node's fs, so the bytes on the wire are exactly esptool-js's own.
import fs from "node:fs";
import { Readable } from "node:stream";
import tty from "node:tty";

export class PtyDevice {
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
