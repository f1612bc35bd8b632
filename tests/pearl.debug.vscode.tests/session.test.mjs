// The session around the debugging: capabilities, the board's UART output, the end of a timed
// run, and requests the adapter has to turn down without falling over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WAIT_MS, initLua, launchConfigured, lineOf, outputText, project, startAdapter } from './pearl-dap.mjs';

const TIMEOUT = { timeout: 4 * WAIT_MS };

test('initialize announces conditional breakpoints, logpoints and the four exception filters', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const capabilities = (await dc.initializeRequest()).body;
  assert.equal(capabilities.supportsConfigurationDoneRequest, true);
  assert.equal(capabilities.supportsConditionalBreakpoints, true);
  assert.equal(capabilities.supportsHitConditionalBreakpoints, true);
  assert.equal(capabilities.supportsLogPoints, true);
  assert.equal(capabilities.supportsExceptionInfoRequest, true);
  const filters = Object.fromEntries(capabilities.exceptionBreakpointFilters.map((f) => [f.filter, f]));
  assert.deepEqual(Object.keys(filters).sort(), ['caught', 'error', 'memory', 'watchdog']);
  for (const f of Object.values(filters)) {
    assert.ok(f.label, `filter '${f.filter}' has a label to show`);
  }
  // errors nobody catches stop by default; those a pcall catches do not
  assert.equal(filters.error.default, true);
  assert.equal(filters.caught.default, false);
});

test('what the board prints on its UART arrives as stdout output events', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const terminated = dc.waitForEvent('terminated');
  await launchConfigured(dc, { project: project('ticker'), for: '2s' });
  await terminated;
  const stdout = outputText(dc, 'stdout');
  assert.match(stdout, /NodeMCU/, 'the boot banner');
  assert.match(stdout, /ticker armed\r\n/);
  // the callback's prints, in order; the timer unregisters itself after the third
  assert.match(stdout, /tick 5 10\r\n(.|\r|\n)*tick 10 20\r\n(.|\r|\n)*tick 15 30\r\n/);
  assert.doesNotMatch(stdout, /tick 20/);
});

test('a logpoint prints its message with the values filled in, without stopping', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  let stops = 0;
  dc.on('stopped', () => stops++);
  const terminated = dc.waitForEvent('terminated');
  const line = lineOf('ticker', 'local doubled = total * 2');
  await launchConfigured(dc, { project: project('ticker'), for: '2s' },
    { breakpoints: { [initLua('ticker')]: [{ line, logMessage: 'total is {total}' }] } });
  await terminated;
  assert.equal(stops, 0);
  assert.match(outputText(dc, 'console'), /total is 5\n(.|\n)*total is 10\n(.|\n)*total is 15\n/);
});

test('the session ends with exited and terminated when "for" has elapsed', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await launchConfigured(dc, { project: project('ticker'), for: '1s' });
  assert.equal((await exited).body.exitCode, 0);
  await terminated;
});

test('malformed and unknown requests get error responses and the adapter goes on answering', TIMEOUT, async (t) => {
  const dc = await startAdapter(t);
  await dc.initializeRequest();

  await assert.rejects(dc.launchRequest({ for: '1s' }), /"project"/);
  await assert.rejects(dc.launchRequest({ project: project('ticker'), for: 'soon' }), /"for" takes a duration/);
  await assert.rejects(dc.customRequest('frobnicate', { level: 11 }), /frobnicate/);
  await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /launch or attach first/);
  await assert.rejects(dc.setExceptionBreakpointsRequest({ filters: ['all'] }), /no exception filter 'all'/);

  const threads = (await dc.threadsRequest()).body.threads;
  assert.deepEqual(threads.map((th) => th.id), [1]);

  // and a good launch after all that runs the board
  const terminated = dc.waitForEvent('terminated');
  await launchConfigured(dc, { project: project('ticker'), for: '1s' });
  await terminated;
  assert.match(outputText(dc, 'stdout'), /ticker armed/);
});
