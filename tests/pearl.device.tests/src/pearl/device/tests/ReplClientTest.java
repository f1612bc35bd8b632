package pearl.device.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.device.SerialPortUnavailableException;
import pearl.device.repl.BoardFiles;
import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.ReplUploader;
import pearl.device.repl.ReplUploader.Options;
import pearl.device.repl.ReplUploader.Outcome;
import pearl.device.repl.SerialLink;
import pearl.device.repl.UploadHashes;
import pearl.device.rom.JsscSerialLine;
import pearl.emulator.PtyBoard;

/** The REPL client against an emulated board's UART on a pseudo-terminal: real serial I/O through jssc. */
class ReplClientTest {

    private static final ReplUploader.Progress QUIET = (f, d, t) -> {
    };

    @TempDir
    Path project;
    @TempDir
    Path home;

    private PtyBoard board;
    private ReplClient client;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (board != null) {
            board.close();
        }
    }

    private ReplClient connect() throws DeviceException {
        client = ReplClient.connect(SerialLink.open(board.device(), 115200), ReplClient.CONNECT_MILLIS);
        return client;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsThePromptThroughTheBootBannerAndProbesTheFirmware() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "print('hello from init')\n"));
        // connect at once: the board is printing its banner and running init.lua meanwhile
        connect();
        assertEquals("Lua 5.1", client.firmware().luaVersion());
        assertTrue(client.firmware().encoder());
        assertTrue(client.firmware().crypto());
        assertTrue(client.session().echo());
        assertEquals("3\n4", client.session().exec("print(1+2) print(4)", 2000));
    }

    @Test
    void uploadsListsRunsAndDownloadsAFile() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "-- nothing\n"));
        connect();
        String program = "local t = {}\nfor i = 1, 3 do t[#t + 1] = i * i end\nprint(\"squares\", table.concat(t, \",\"))\n";
        assertEquals(Outcome.UPLOADED, new ReplUploader(client).upload("squares.lua", bytes(program), Options.PLAIN, QUIET));
        BoardFiles files = new BoardFiles(client);
        assertEquals(program.length(), files.list().get("squares.lua"));
        assertEquals("squares\t1,4,9", files.run("squares.lua", 5000));
        assertEquals(program, new String(files.get("squares.lua", QUIET), StandardCharsets.ISO_8859_1));
        assertFalse(files.list().keySet().stream().anyMatch(n -> n.startsWith("pearl")), "no temporary file left: " + files.list());
    }

    @Test
    void binaryFilesWithAllByteValuesSurviveBothWays() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i < 256 ? i : i * 7 + 13);
        }
        for (boolean base64 : new boolean[] { true, false }) {
            client.restrictModules(base64, base64);
            String name = base64 ? "blob64.bin" : "blobplain.bin";
            new ReplUploader(client).upload(name, data, Options.PLAIN, QUIET);
            assertArrayEquals(data, board.file(name), name + " on the board");
            assertArrayEquals(data, new BoardFiles(client).get(name, QUIET), name + " downloaded");
        }
    }

    @Test
    void aFileNoLongerThanItsNameFitsInPlainEscapedLines() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        client.restrictModules(false, false);
        // quotes, backslashes, digits after escapes, CR LF and a long-string closer
        String tricky = "a=\"q\\\"\" b='\\\\' c='\0001' d=[[x]]\r\n]==] \t\u00ff9\n";
        new ReplUploader(client).upload("tricky.txt", bytes(tricky), Options.PLAIN, QUIET);
        assertArrayEquals(bytes(tricky), board.file("tricky.txt"));
    }

    @Test
    void restartWaitsForTheBootAndTheClientGoesOn() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "print('booted')\n"));
        connect();
        int boots = board.board().boots();
        StringBuilder boot = new StringBuilder();
        BoardFiles files = new BoardFiles(client);
        files.restart(boot::append);
        assertEquals(boots + 1, board.board().boots());
        assertTrue(boot.toString().contains("booted"), boot.toString());
        assertTrue(files.heap() > 10_000);
        long[] fs = files.fsinfo();
        assertEquals(fs[2], fs[0] + fs[1], "remaining + used = total");
        // helpers are defined again after the reboot wiped the globals
        new ReplUploader(client).upload("after.lua", bytes("print(42)\n"), Options.PLAIN, QUIET);
        assertEquals("42", files.run("after.lua", 3000));
    }

    @Test
    void removeAndRenameSayWhatIsWrong() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n", "a.lua", "print(1)\n", "b.lua", "print(2)\n"));
        connect();
        BoardFiles files = new BoardFiles(client);
        DeviceException clash = assertThrows(DeviceException.class, () -> files.rename("a.lua", "b.lua"));
        assertTrue(clash.getMessage().contains("b.lua exists"), clash.getMessage());
        files.rename("a.lua", "c.lua");
        assertTrue(files.remove("c.lua"));
        assertFalse(files.remove("c.lua"));
        assertEquals(java.util.Set.of("init.lua", "b.lua"), files.list().keySet());
    }

    @Test
    void compileLeavesTheBytecodeAndRemovesTheSource() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        Outcome outcome = new ReplUploader(client).upload("lib.lua", bytes("print('compiled ok')\n"), new Options(true, false, false), QUIET);
        assertEquals(Outcome.COMPILED, outcome);
        BoardFiles files = new BoardFiles(client);
        assertTrue(files.list().containsKey("lib.lc"));
        assertFalse(files.list().containsKey("lib.lua"));
        assertEquals("compiled ok", files.run("lib.lc", 3000));
    }

    @Test
    void changedOnlySkipsFilesTheBoardAlreadyHas() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        Options changed = new Options(false, false, true);
        for (boolean crypto : new boolean[] { true, false }) {
            client.restrictModules(true, crypto);
            ReplUploader up = new ReplUploader(client);
            up.rememberIn(new UploadHashes(home));
            String name = crypto ? "c1.lua" : "c2.lua";
            assertEquals(Outcome.UPLOADED, up.upload(name, bytes("x=1\n"), changed, QUIET));
            assertEquals(Outcome.UNCHANGED, up.upload(name, bytes("x=1\n"), changed, QUIET));
            assertEquals(Outcome.UPLOADED, up.upload(name, bytes("x=2\n"), changed, QUIET));
        }
    }

    @Test
    void aCorruptedChunkIsCaughtAndTheOldFileKept() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n", "data.bin", "old content"));
        connect();
        byte[] data = new byte[1000];
        new java.util.Random(5).nextBytes(data);
        for (boolean crypto : new boolean[] { true, false }) {
            client.restrictModules(true, crypto);
            ReplUploader uploader = new ReplUploader(client);
            uploader.upload("warmup.bin", new byte[] { 1 }, Options.PLAIN, QUIET);
            // the board's write of the third chunk flips a bit, as a bad flash sector would
            client.session().execQuiet("local w,n=_pw,0 _pw=function(s) n=n+1 if n==3 then "
                    + "s=s:sub(1,9)..string.char((s:byte(10)+1)%256)..s:sub(11) end w(s) end", 2000);
            DeviceException e = assertThrows(DeviceException.class, () -> uploader.upload("data.bin", data, Options.PLAIN, QUIET));
            assertEquals(DeviceException.Kind.VERIFICATION_FAILED, e.kind());
            assertTrue(e.getMessage().contains("data.bin: block 3 of 6 (bytes 366-548) differs"), e.getMessage());
            assertArrayEquals(bytes("old content"), board.file("data.bin"));
            assertNull(board.file("pearl~up.tmp"), "the temporary file is removed");
            client.session().execQuiet("_pw=nil", 2000);
            client.close();
            connect(); // defines the helpers afresh
        }
    }

    @Test
    void aMinifiedProgramBehavesTheSameAndFailsOnTheSameLine() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        String program = """
                -- counts words; the comment lines and indentation go
                local text = "a -- b [[c]] d"   -- not a comment inside the string
                local n = 0
                for _ in text:gmatch("%S+") do
                    n = n + 1     --[[ a long
                                     comment ]]
                end
                print("words", n, [==[
                  long ]] string]==])
                local t = nil
                print(t.field)  -- fails on line 11
                """;
        ReplUploader up = new ReplUploader(client);
        up.upload("plain.lua", bytes(program), Options.PLAIN, QUIET);
        up.upload("small.lua", bytes(program), new Options(false, true, false), QUIET);
        BoardFiles files = new BoardFiles(client);
        assertTrue(files.list().get("small.lua") < program.length() * 3 / 4, "minified: " + files.list());
        String plain = files.run("plain.lua", 3000);
        String small = files.run("small.lua", 3000);
        assertTrue(plain.contains("plain.lua:11:"), plain);
        assertEquals(plain.replace("plain.lua", "X"), small.replace("small.lua", "X"));
    }

    @Test
    void rescueRenamesInitLuaOfABoardThatKeepsRestarting() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua",
                "print('starting') tmr.create():alarm(300, tmr.ALARM_SINGLE, function() node.restart() end)\n"));
        Thread.sleep(1000);
        int boots = board.board().boots();
        assertTrue(boots > 1, "the board is in its restart loop");
        try (SerialLink link = SerialLink.open(board.device(), 115200)) {
            assertEquals(pearl.device.repl.RebootRescue.Result.RENAMED, pearl.device.repl.RebootRescue.rescue(link, 10_000));
        }
        Thread.sleep(800);
        int after = board.board().boots();
        Thread.sleep(1000);
        assertEquals(after, board.board().boots(), "no more restarts");
        connect();
        assertEquals(java.util.Set.of("init-rescued.lua"), new BoardFiles(client).list().keySet());
    }

    @Test
    void worksWithEchoTurnedOffByTheProgram() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "uart.setup(0, 115200, 8, 0, 1, 0)\n"));
        Thread.sleep(300);
        connect();
        assertFalse(client.session().echo());
        new ReplUploader(client).upload("quiet.lua", bytes("print('no echo')\n"), Options.PLAIN, QUIET);
        assertEquals("no echo", new BoardFiles(client).run("quiet.lua", 3000));
    }

    @Test
    void connectsToABoardThatIsRebootingMeanwhile() throws Exception {
        // restarts every 400 ms, chattering at each boot: the connect finds a window
        board = PtyBoard.start(project, Map.of("init.lua",
                "for i = 1, 20 do print('boot chatter', i) end tmr.create():alarm(400, tmr.ALARM_SINGLE, node.restart)\n"));
        Thread.sleep(500);
        connect();
        assertEquals("ok", client.session().exec("print('o'..'k')", 2000));
    }

    /** The figures for the note: wire bytes per payload byte, round trips per KB. */
    @Test
    void uploadCostsAtMostOnePointFourFiveWireBytesPerPayloadByte() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        connect();
        byte[] binary = new byte[16 * 1024];
        new java.util.Random(1).nextBytes(binary);
        StringBuilder lua = new StringBuilder();
        while (lua.length() < 16 * 1024) {
            lua.append("local function f").append(lua.length()).append("(a, b)\n  return a .. \"x\" .. b -- note\nend\n");
        }
        for (Object[] kind : new Object[][] { { "binary", binary }, { "lua", bytes(lua.toString()) } }) {
            byte[] data = (byte[]) kind[1];
            long sent = client.session().bytesSent();
            long start = System.nanoTime();
            new ReplUploader(client).upload("bench." + kind[0], data, Options.PLAIN, QUIET);
            double seconds = (System.nanoTime() - start) / 1e9;
            long wire = client.session().bytesSent() - sent;
            double perByte = (double) wire / data.length;
            int lines = 0;
            for (int at = 0; at < data.length; lines++) {
                at += pearl.device.repl.ChunkEncoding.next(data, at, true).length();
            }
            System.out.printf("upload %s %d bytes: %.3f wire bytes per payload byte, %.1f chunk round trips per KB (plus 4 per file: open, close, verify, rename), %.1f KB/s over the pty%n",
                    kind[0], data.length, perByte, lines * 1024.0 / data.length, data.length / 1024.0 / seconds);
            assertTrue(perByte <= 1.45, kind[0] + ": " + perByte);
        }
    }

    @Test
    void aMissingPortIsNamed() {
        DeviceException e = assertThrows(DeviceException.class, () -> SerialLink.open("/dev/ttyPEARL-none", 115200));
        assertEquals(DeviceException.Kind.NO_SUCH_PORT, e.kind());
        assertTrue(e.getMessage().startsWith("no such port: /dev/ttyPEARL-none"), e.getMessage());
    }

    @Test
    void aPortAnotherProgramHoldsIsBusyAndTheProgramIsNamed() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        // a serial monitor left open: it would eat half of every answer if we shared the port
        Process monitor = new ProcessBuilder("cat", board.device()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.currentTimeMillis() + 5000;
            while (pearl.device.PortHolders.of(java.nio.file.Path.of(board.device())).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            DeviceException e = assertThrows(DeviceException.class, () -> SerialLink.open(board.device(), 115200));
            assertEquals(DeviceException.Kind.PORT_BUSY, e.kind());
            assertEquals("port busy: " + board.device() + " is open in cat (pid " + monitor.pid() + "); close it and retry", e.getMessage());
        } finally {
            monitor.destroy();
            monitor.waitFor();
        }
        // once the monitor is closed the port is free, and the board behind it never noticed
        connect();
        assertEquals("ok", client.session().exec("print('o'..'k')", 2000));
    }

    @Test
    void aPortPearlItselfHoldsIsBusyUntilClosed() throws Exception {
        board = PtyBoard.start(project, Map.of("init.lua", "\n"));
        // a launch's console holds the port; a view or command of the same IDE must not open it too
        SerialLink held = SerialLink.open(board.device(), 115200);
        try {
            SerialPortUnavailableException e = assertThrows(SerialPortUnavailableException.class,
                    () -> JsscSerialLine.open(board.device(), 115200), "the flasher is refused");
            assertEquals(SerialPortUnavailableException.Reason.BUSY, e.reason());
            assertEquals("port busy: " + board.device() + " is open in Pearl already (a launch, a view or a command is using it); close it and retry",
                    e.getMessage());
        } finally {
            held.close();
        }
        connect();
        assertEquals("ok", client.session().exec("print('o'..'k')", 2000));
    }

    @Test
    void noPromptIsReportedWhenTheBoardDoesNotAnswer() throws Exception {
        // a program that takes the UART away from the REPL
        board = PtyBoard.start(project, Map.of("init.lua", "uart.on('data', '\\n', function() end, 0)\n"));
        Thread.sleep(300);
        DeviceException e = assertThrows(DeviceException.class, () -> ReplClient.connect(SerialLink.open(board.device(), 115200), 2000));
        assertEquals(DeviceException.Kind.NO_PROMPT, e.kind());
        assertTrue(e.getMessage().contains("no Lua prompt"), e.getMessage());
    }
}
