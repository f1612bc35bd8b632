-- Pearl's NTest: NodeMCU's test framework, written for Pearl from the behaviour NTest.md documents
-- (require("NTest")(name), test/testasync/testco, ok/nok/fail/eq/spy, report(handler, env)).
-- Suites written for NodeMCU's NTest run on it unchanged. Choices the documentation leaves open:
--  * a run starts in a task of its own after the file that declared it, so every test is declared;
--  * runs made by several constructors go one after the other, in the order they were made;
--  * 'pass' is reported once per passing test; a test stops at its first failed assertion;
--  * while a run is going, node.setonerror catches errors of callbacks (an async test's ok()
--    failing in a timer): they fail the running test instead of restarting the board.

local FAIL = "NTest assertion failed"   -- prefix of the error an assertion raises to end a test

local runs = {}        -- runs waiting or going, first is current
local active = false   -- a run is going

local post = function(f)
  if node and node.task and node.task.post then
    node.task.post(f)
  else
    tmr.create():alarm(1, tmr.ALARM_SINGLE, f)
  end
end

-- eq's answer for different values: a table ok() and nok() recognise by its metatable
local Difference = {}
local function differ(reason)
  return setmetatable({ msg = reason }, Difference)
end
local function isdifference(v)
  return type(v) == "table" and getmetatable(v) == Difference
end

local function deepeq(a, b, path)
  if type(a) ~= type(b) then
    return differ(path .. ": type " .. type(a) .. " ~= " .. type(b))
  end
  if type(a) ~= "table" then
    if a == b then return true end
    return differ(path .. ": " .. tostring(a) .. " ~= " .. tostring(b))
  end
  if a == b then return true end
  for k, v in pairs(a) do
    local r = deepeq(v, b[k], path .. "." .. tostring(k))
    if r ~= true then return r end
  end
  for k in pairs(b) do
    if a[k] == nil then
      return differ(path .. "." .. tostring(k) .. ": only in the second")
    end
  end
  return true
end

local function eq(a, b)
  return deepeq(a, b, "value")
end

-- "file:line" of the code that called the assertion: the first frame outside this file
local function where()
  if not (debug and debug.traceback) then return "assertion failed" end
  for line in debug.traceback("", 2):gmatch("[^\n]+") do
    local at = line:match("^%s*([^%s]+:%d+):")
    if at and not at:find("NTest.lua:", 1, true) then return at end
  end
  return "assertion failed"
end

local function spy(f)
  local s = { called = {}, errors = {} }
  return setmetatable(s, { __call = function(_, ...)
    local args = { ... }
    s.called[#s.called + 1] = args
    local n = #s.called
    if f == nil then return nil end
    local results = { pcall(f, ...) }
    if not results[1] then
      s.errors[n] = results[2]
      return nil
    end
    return select(2, unpack(results))
  end })
end

local function defaultreport(event, test, msg, err)
  if event == "start" then
    print("NTest: " .. test)
  elseif event == "pass" then
    print("  ok   " .. test)
  elseif event == "fail" then
    print("  FAIL " .. test .. ": " .. tostring(msg) .. (err and ("; " .. tostring(err)) or ""))
  elseif event == "except" then
    print("  ERR  " .. test .. ": " .. tostring(msg) .. (err and ("; " .. tostring(err)) or ""))
  elseif event == "finish" then
    print("NTest: " .. test .. " done, " .. tostring(msg) .. " passed, " .. tostring(err) .. " failed")
  end
end

local startnext

local function newrun(runname)
  local run = { name = runname, tests = {}, report = defaultreport, env = _G,
    passed = 0, failed = 0 }
  local N = {}
  local current           -- the test going: { name, finished }

  local function emit(event, name, msg, err)
    local ok, e = pcall(run.report, event, name, msg, err)
    if not ok then print("NTest: report handler failed: " .. tostring(e)) end
  end

  local runtest

  local function advance()
    post(function() runtest() end)
  end

  -- ends the current test: once only, whatever calls it (done(), an error, the coroutine's end)
  local function finish(test, kind, msg, err)
    if test.finished then return end
    test.finished = true
    if kind == "pass" then
      run.passed = run.passed + 1
    else
      run.failed = run.failed + 1
    end
    emit(kind, test.name, msg, err)
    emit("end", test.name)
    current = nil
    advance()
  end

  -- an error raised while the test ran: a failed assertion or something unexpected
  local function failed(test, e)
    test.failure = nil
    if type(e) == "table" and e[FAIL] then
      finish(test, "fail", e.msg, e.err)
    else
      finish(test, "except", tostring(e))
    end
  end

  local function assertfailure(msg, err)
    -- kept on the test too: raised in a callback, the error reaches onerror only as text
    if current then current.failure = { msg = msg, err = err } end
    error({ [FAIL] = true, msg = msg or where(), err = err }, 0)
  end

  local function ok(cond, msg)
    if isdifference(cond) then
      assertfailure(msg or where(), cond.msg)
    elseif not cond then
      assertfailure(msg or where())
    end
  end

  local function nok(cond, msg)
    if isdifference(cond) then return end
    if cond then assertfailure(msg or where()) end
  end

  local function fail(f, expected, msg)
    local good, e = pcall(f)
    if good then
      assertfailure(msg or where(), "expected the function to fail")
    end
    if expected ~= nil and not tostring(e):find(expected, 1, true) then
      assertfailure(msg or where(), 'expected errormessage "' .. tostring(e) .. '" to contain "' .. expected .. '"')
    end
  end

  local function helpers()
    local env = run.env
    env.ok, env.nok, env.fail, env.eq, env.spy = ok, nok, fail, eq, spy
  end

  -- an error that reached the firmware from a callback while this run was going
  local function onerror(text)
    local test = current
    if test == nil then
      print(text)
      return
    end
    if test.failure then
      local f = test.failure
      test.failure = nil
      finish(test, "fail", f.msg, f.err)
    else
      finish(test, "except", (text:gsub("\nstack traceback:.*$", "")))
    end
  end

  local kinds = {}

  function kinds.sync(test)
    local good, e = pcall(test.f)
    if good then finish(test, "pass") else failed(test, e) end
  end

  function kinds.async(test)
    local function done()
      finish(test, "pass")
    end
    local good, e = pcall(test.f, done)
    if not good then failed(test, e) end
  end

  function kinds.co(test)
    local co
    local waiting = false
    local arrived = {}      -- callbacks that came while the test was not waiting
    local function resume(...)
      local results = { coroutine.resume(co, ...) }
      if not results[1] then
        failed(test, results[2])
      elseif coroutine.status(co) == "dead" then
        finish(test, "pass")
      end
    end
    local function getCB(name)
      return function(...)
        if test.finished then return end
        if waiting then
          waiting = false
          resume(name, ...)
        else
          arrived[#arrived + 1] = { name, ... }
        end
      end
    end
    local function waitCB()
      if #arrived > 0 then
        return unpack(table.remove(arrived, 1))
      end
      waiting = true
      return coroutine.yield()
    end
    co = coroutine.create(function() test.f(getCB, waitCB) end)
    resume()
  end

  runtest = function()
    local test = table.remove(run.tests, 1)
    if test == nil then
      if node and node.setonerror then node.setonerror() end
      emit("finish", run.name, run.passed, run.failed)
      active = false
      table.remove(runs, 1)
      startnext()
      return
    end
    current = test
    helpers()
    emit("begin", test.name)
    kinds[test.kind](test)
  end

  function run.start()
    if node and node.setonerror then
      -- an assertion failing inside a callback of an async test: the wrapped error is a table;
      -- keep it on the test so the handler can report its message
      node.setonerror(onerror)
    end
    emit("start", run.name)
    runtest()
  end

  local function add(kind, name, f)
    assert(type(name) == "string", "NTest: a test needs a name")
    assert(type(f) == "function", "NTest: a test needs a function")
    run.tests[#run.tests + 1] = { name = name, kind = kind, f = f }
  end

  function N.test(name, f) add("sync", name, f) end
  function N.testasync(name, f) add("async", name, f) end
  function N.testco(name, f) add("co", name, f) end

  -- report(handler, env): either may be nil to keep what is set
  function N.report(f, env)
    if f ~= nil then run.report = f end
    if env ~= nil then run.env = env end
  end

  -- queued now, started in a task of its own: the file declares its tests first
  runs[#runs + 1] = run
  if not active then post(function() startnext() end) end

  -- the handler as a field, as NodeMCU's own suites set it
  setmetatable(N, {
    __newindex = function(t, k, v)
      if k == "outputhandler" then run.report = v else rawset(t, k, v) end
    end,
    __index = function(_, k)
      if k == "outputhandler" then return run.report end
    end,
  })
  return N
end

startnext = function()
  if active or #runs == 0 then return end
  active = true
  runs[1].start()
end

return newrun
