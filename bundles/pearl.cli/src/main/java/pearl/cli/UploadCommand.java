package pearl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pearl.device.repl.DeviceException;
import pearl.device.repl.ReplClient;
import pearl.device.repl.ReplUploader;
import pearl.device.repl.UploadHashes;

/**
 * {@code pearl upload}: files to a real board through its Lua prompt, each written to a
 * temporary file, verified on the board and only then renamed over the old one.
 */
final class UploadCommand implements Command {

    @Override
    public String name() {
        return "upload";
    }

    @Override
    public String summary() {
        return "upload files to a board over its serial port (verified; a cut never loses a file)";
    }

    @Override
    public String usage() {
        return "Usage: pearl upload --port DEV [--baud N] [--compile] [--minify] [--changed] FILE...\n\n"
                + "Writes each FILE to the board under its file name, verifies it there (SHA-1 with the crypto\n"
                + "module, else length and Adler-32 computed on the board) and then replaces the old file: an\n"
                + "upload that is cut off leaves the old file as it was.\n\nOptions:\n"
                + PortOptions.USAGE
                + "  --compile         compile .lua files to .lc on the board (node.compile; not init.lua)\n"
                + "  --minify          drop comments and indentation from .lua files, keeping line numbers\n"
                + "  --changed         skip files the board already has (hashes in ~/.pearl/boards/)\n";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        PortOptions port = PortOptions.parse(args);
        boolean compile = false;
        boolean minify = false;
        boolean changed = false;
        List<Path> files = new ArrayList<>();
        for (String arg : port.rest()) {
            switch (arg) {
                case "--compile" -> compile = true;
                case "--minify" -> minify = true;
                case "--changed" -> changed = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("which files? Name at least one");
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            try {
                contents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                console.err().println("pearl upload: cannot read " + file + ": " + e.getMessage());
                return Main.USAGE;
            }
        }
        ReplUploader.Options options = new ReplUploader.Options(compile, minify, changed);
        try (ReplClient client = port.connect()) {
            ReplUploader uploader = new ReplUploader(client);
            uploader.rememberIn(UploadHashes.inUserHome());
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i).getFileName().toString();
                ProgressBar bar = new ProgressBar(console.err());
                ReplUploader.Outcome outcome;
                try {
                    outcome = uploader.upload(name, contents.get(i), options, bar);
                } catch (IllegalArgumentException e) {
                    console.err().println("pearl upload: " + e.getMessage());
                    return Main.USAGE;
                } finally {
                    bar.finish();
                }
                console.out().println(outcome.describe(name, contents.get(i).length));
            }
            return 0;
        } catch (DeviceException e) {
            return PortOptions.fail(console, name(), e);
        }
    }
}
