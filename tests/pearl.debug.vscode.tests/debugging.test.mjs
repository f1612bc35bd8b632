// Breakpoints, stack, variables, evaluation, stepping and exception stops of 'pearl dap', as VS
// Code's test client sees them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WAIT_MS, initLua, launchConfigured, lineOf, outputText, project, scopeVariables, startAdapter } from './pearl-dap.mjs';

const TIMEOUT = { timeout: 4 * WAIT_MS };
const ticker = initLua('ticker');
/** The first line of the timer callback. */
const callbackLine = lineOf('ticker', 'local total = bump(step)');

test('a breakpoint in a timer callback stops the board there', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  await dc.hitBreakpoint({ project: project('ticker'), for: '10s' }, { path: ticker, line: callbackLine });
});

test('the stack ends in a frame naming the task, and the Upvalues scope shows the callback\'s upvalues', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  await dc.hitBreakpoint({ project: project('ticker'), for: '10s' }, { path: ticker, line: callbackLine });

  const stack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  const armedAt = lineOf('ticker', 'ticker:alarm(');
  assert.equal(stack.length, 2, `one Lua frame and the task's: ${JSON.stringify(stack)}`);
  assert.equal(stack[0].name, `function <init.lua:${armedAt}>`);
  assert.equal(stack[0].line, callbackLine);
  assert.match(stack[1].name, new RegExp(`^tmr callback, timer armed at init\\.lua:${armedAt}\\b`));
  assert.equal(stack[1].presentationHint, 'label');

  const scopes = (await dc.scopesRequest({ frameId: stack[0].id })).body.scopes;
  assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Upvalues', 'Globals', 'Board']);

  const upvalues = await scopeVariables(dc, stack[0].id, 'Upvalues');
  assert.equal(upvalues.step?.value, '5');
  assert.equal(upvalues.step.type, 'number');
  assert.equal(upvalues.bump?.type, 'function');
  assert.equal(upvalues.bump.value, `function: init.lua:${lineOf('ticker', 'local function bump')}`);

  const globals = await scopeVariables(dc, stack[0].id, 'Globals');
  assert.equal(globals.TICK_MS?.value, '100');
  const board = await scopeVariables(dc, stack[0].id, 'Board');
  assert.match(board.Heap?.value ?? '', /^\d+ bytes used, \d+ free$/);
});

test('evaluate computes an expression with the frame\'s locals and upvalues', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const doubledLine = lineOf('ticker', 'local doubled = total * 2');
  await dc.hitBreakpoint({ project: project('ticker'), for: '10s' }, { path: ticker, line: doubledLine });
  const frameId = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].id;

  const sum = await dc.evaluateRequest({ expression: 'total * 2 + step', frameId, context: 'watch' });
  assert.equal(sum.body.result, '15');
  assert.equal(sum.body.type, 'number');
  const text = await dc.evaluateRequest({ expression: '"tick " .. total', frameId, context: 'hover' });
  assert.equal(text.body.result, '"tick 5"');
  await assert.rejects(dc.evaluateRequest({ expression: 'total.field', frameId, context: 'watch' }), /attempt to index/);
});

test('next goes to the following line of the callback, where the new local shows', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  await dc.hitBreakpoint({ project: project('ticker'), for: '10s' }, { path: ticker, line: callbackLine });

  const stepped = dc.assertStoppedLocation('step', { path: ticker, line: callbackLine + 1 });
  await dc.nextRequest({ threadId: 1 });
  const stack = (await stepped).body.stackFrames;
  const locals = await scopeVariables(dc, stack[0].id, 'Locals');
  assert.equal(locals.total?.value, '5');
});

test('stepIn enters the local function the line calls, stepOut comes back to the callback', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  await dc.hitBreakpoint({ project: project('ticker'), for: '10s' }, { path: ticker, line: callbackLine });

  const inBump = dc.assertStoppedLocation('step', { path: ticker, line: lineOf('ticker', 'count = count + n') });
  await dc.stepInRequest({ threadId: 1 });
  const stack = (await inBump).body.stackFrames;
  assert.deepEqual(stack.map((f) => f.name).slice(0, 2), ["function 'bump'", `function <init.lua:${lineOf('ticker', 'ticker:alarm(')}>`]);
  const locals = await scopeVariables(dc, stack[0].id, 'Locals');
  assert.equal(locals.n?.value, '5', 'the argument');

  // the call's line is done when bump returns: out lands on the callback's next line
  const back = dc.assertStoppedLocation('step', { path: ticker, line: callbackLine + 1 });
  await dc.stepOutRequest({ threadId: 1 });
  assert.equal((await back).body.stackFrames.length, 2);
});

test('pause on an idle board stops between tasks, and terminate ends the session', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  // no "for": the board runs paced to the wall clock until the session ends
  await launchConfigured(dc, { project: project('ticker') });
  // the timer unregisters itself after its third tick; from then on nothing runs
  const deadline = Date.now() + WAIT_MS;
  while (!outputText(dc, 'stdout').includes('tick 15 30')) {
    assert.ok(Date.now() < deadline, 'the third tick printed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const paused = dc.waitForEvent('stopped');
  await dc.pauseRequest({ threadId: 1 });
  const event = (await paused).body;
  assert.equal(event.reason, 'pause');
  const stack = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  assert.equal(stack.length, 1);
  assert.match(stack[0].name, /^between tasks, at \d+\.\d{6} s$/);
  const scopes = (await dc.scopesRequest({ frameId: stack[0].id })).body.scopes;
  assert.deepEqual(scopes.map((s) => s.name), ['Globals', 'Board']);
  const globals = await scopeVariables(dc, stack[0].id, 'Globals');
  assert.equal(globals.TICK_MS?.value, '100');

  const terminated = dc.waitForEvent('terminated');
  await dc.terminateRequest({});
  await terminated;
});

test('a conditional breakpoint stops only when its condition holds', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const printLine = lineOf('ticker', 'print("tick "');
  const stopped = dc.assertStoppedLocation('breakpoint', { path: ticker, line: printLine });
  await launchConfigured(dc, { project: project('ticker'), for: '10s' },
    { breakpoints: { [ticker]: [{ line: printLine, condition: 'total >= 15' }] } });
  const frameId = (await stopped).body.stackFrames[0].id;
  assert.equal((await dc.evaluateRequest({ expression: 'total', frameId, context: 'watch' })).body.result, '15');
});

test('stopOnEntry stops at the first line init.lua runs', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const entry = dc.assertStoppedLocation('entry', { path: ticker, line: lineOf('ticker', 'local count = 0') });
  await launchConfigured(dc, { project: project('ticker'), for: '10s', stopOnEntry: true });
  const stack = (await entry).body.stackFrames;
  assert.equal(stack[0].name, 'main chunk');
  assert.match(stack[stack.length - 1].name, /^boot\b/);
});

test('an uncaught Lua error in a callback stops with reason exception when the error filter is on', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const crash = initLua('crash');
  const stopped = dc.waitForEvent('stopped');
  await launchConfigured(dc, { project: project('crash'), for: '10s' }, { filters: ['error'] });
  const event = (await stopped).body;
  assert.equal(event.reason, 'exception');
  assert.match(event.text, /sensor 0x40 did not answer/);

  const stack = (await dc.stackTraceRequest({ threadId: event.threadId })).body.stackFrames;
  assert.equal(stack[0].source.path, crash);
  assert.equal(stack[0].line, lineOf('crash', 'error("sensor'));
  assert.equal(stack[1].line, lineOf('crash', 'local value = readSensor'));
  const info = (await dc.exceptionInfoRequest({ threadId: event.threadId })).body;
  assert.equal(info.description, `init.lua:${lineOf('crash', 'error("sensor')}: sensor 0x40 did not answer`);
});

test('with no exception filter the error does not stop: the board prints it and restarts 2 s later', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  let stops = 0;
  dc.on('stopped', () => stops++);
  const terminated = dc.waitForEvent('terminated');
  await launchConfigured(dc, { project: project('crash'), for: '3s' }, { filters: [] });
  await terminated;
  assert.equal(stops, 0);
  assert.match(outputText(dc, 'stdout'), /init\.lua:\d+: sensor 0x40 did not answer/);
  assert.match(outputText(dc, 'console'), /board rebooting: panic: init\.lua:\d+: sensor 0x40 did not answer/);
});
