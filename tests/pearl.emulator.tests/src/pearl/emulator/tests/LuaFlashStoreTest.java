package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.emulator.LuaFlashStore;

/** A project's lfs/ folder becomes the board's Lua Flash Store: reached as on the board, costing no heap. */
class LuaFlashStoreTest {

    @TempDir
    Path project;

    private TestBoards boardWith(String initLua) throws IOException {
        TestBoards b = new TestBoards(pearl.emulator.BoardOptions.defaults(), initLua);
        b.board.setFlashStore(LuaFlashStore.build(project.resolve("lfs")));
        return b;
    }

    private void lfs(String name, String source) throws IOException {
        Files.createDirectories(project.resolve("lfs"));
        Files.writeString(project.resolve("lfs").resolve(name), source);
    }

    @Test
    void modulesAreReachedThroughNodeLfsAndAnInitModuleHooksRequire() throws IOException {
        lfs("greet.lua", "local M = {}\nfunction M.hello(n) return 'hello ' .. n end\nreturn M\n");
        lfs("_init.lua", """
                package.loaders[#package.loaders + 1] = function(name)
                  return node.LFS.get(name) or "\\n\\tno LFS module '" .. name .. "'"
                end
                """);
        TestBoards b = boardWith("""
                node.LFS._init()
                print(table.concat(node.LFS.list(), ","), type(node.flashindex("greet")), node.LFS.get("nope"))
                print(require("greet").hello("board"))
                print(pcall(require, "missing"))
                print(node.info("lfs").lfs_size, node.LFS.config.lfs_used > 0)
                """);
        String out = b.run(100);
        assertTrue(out.contains("\tLFS: 0x40000 bytes total capacity\n"), out);
        assertTrue(out.contains("""
                _init,greet\tfunction\tnil
                hello board
                false\tmodule 'missing' not found:
                \tno field package.preload['missing']
                \tno file 'missing.lc'
                \tno file 'missing.lua'
                \tno LFS module 'missing'
                262144\ttrue
                """), out);
    }

    @Test
    void aFunctionFromFlashCostsTheHeapOnlyItsClosure() throws IOException {
        StringBuilder big = new StringBuilder("local t = {}\n");
        for (int i = 0; i < 200; i++) {
            big.append("t[").append(i).append("] = function(x) return x * ").append(i).append(" + ").append(i * 7)
                    .append(" end\n");
        }
        big.append("return t\n");
        lfs("big.lua", big.toString());
        Files.writeString(project.resolve("big.lua"), big.toString());
        TestBoards b = boardWith("""
                collectgarbage()
                local before = node.heap()
                local fromFlash = node.LFS.get("big")
                collectgarbage()
                local afterFlash = node.heap()
                local fromRam = loadstring(BIG)
                collectgarbage()
                print(before - afterFlash < 100, afterFlash - node.heap() > 3000)
                """.replace("BIG", "[[" + big + "]]"));
        String out = b.run(100);
        assertTrue(out.endsWith("\ntrue\ttrue\n> "), out);
    }

    @Test
    void aSyntaxErrorFailsTheImageBuildNamingFileAndLine() throws IOException {
        lfs("good.lua", "return 1\n");
        lfs("bad.lua", "local x = 1\nif x then\n");
        IOException e = assertThrows(IOException.class, () -> LuaFlashStore.build(project.resolve("lfs")));
        assertTrue(e.getMessage().startsWith(project.resolve("lfs").resolve("bad.lua") + ":3: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the LFS image cannot be built)"), e.getMessage());
    }

    @Test
    void withoutAnLfsFolderTheBoardHasNoFlashStore() throws IOException {
        TestBoards b = boardWith("print(node.LFS.list(), node.LFS.get('x'))");
        String out = b.run(100);
        assertTrue(out.contains("\tLFS: 0x0 bytes total capacity\n"), out);
        assertTrue(out.contains("nil\tnil\n"), out);
    }
}
