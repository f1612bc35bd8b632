-- Pearl's test board runs this instead of init.lua: it loads one suite file with an NTest
-- constructor whose runs also report to Pearl (the Java function 'sink'), next to the suite's own
-- report handler. The project's own NTest.lua, if it ships one, is what require("NTest") finds.
local pearl = rawget(_G, "__pearl_ntest")
rawset(_G, "__pearl_ntest", nil)
local sink, suite = pearl.sink, pearl.suite

local NTest = require("NTest")

local function constructor(name)
  local N = NTest(name)
  sink(name, "new")
  local user = N.outputhandler      -- Pearl's NTest: its printing default; others: nil
  local report = N.report
  local function both(event, test, msg, err)
    sink(name, event, test, msg, err)
    if user then user(event, test, msg, err) end
  end
  report(both)
  N.report = function(f, env)
    if f ~= nil then user = f end
    report(both, env)
  end
  return N
end
package.loaded.NTest = constructor

local chunk, e = loadfile(suite)
if not chunk then
  sink(suite, "load", nil, e)
  return
end
local good, err = pcall(chunk, constructor)
if not good then sink(suite, "load", nil, tostring(err)) end
sink(suite, "loaded")
