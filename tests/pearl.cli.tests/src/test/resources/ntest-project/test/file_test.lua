local N = ...
N = (N or require "NTest")("file")

local function cleanup()
  file.remove("ntest_a.txt")
  file.remove("ntest_b.txt")
end

N.test('write, then read back', function()
  cleanup()
  local f = file.open("ntest_a.txt", "w")
  ok(f, "opened for writing")
  f:write("hello\n")
  f:write("world")
  f:close()
  f = file.open("ntest_a.txt", "r")
  ok(eq(f:readline(), "hello\n"))
  ok(eq(f:read(), "world"))
  f:close()
  cleanup()
end)

N.test('exists, list and remove', function()
  cleanup()
  ok(file.putcontents("ntest_b.txt", "12345"), "putcontents")
  ok(file.exists("ntest_b.txt"))
  ok(eq(file.list()["ntest_b.txt"], 5), "listed with its size")
  file.remove("ntest_b.txt")
  nok(file.exists("ntest_b.txt"), "gone after remove")
end)

N.test('a missing file opens as nil', function()
  ok(eq(file.open("no_such_file.txt", "r"), nil))
end)

N.test('the project files are on the board', function()
  ok(file.exists("blink.lua"), "blink.lua uploaded")
  ok(file.exists("init.lua"), "init.lua uploaded, though not run")
end)
