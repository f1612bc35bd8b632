// Starts 'pearl dap' under VS Code's DebugClient and finds the fixtures' lines.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebugClient } from '@vscode/debugadapter-testsupport';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
/** The command line launcher; DebugClient spawns it as `pearl dap`. */
const launcher = join(root, 'pearl');
const cliJar = join(root, 'bundles', 'pearl.cli', 'target', 'pearl.cli-0.1.0-SNAPSHOT-all.jar');

/** How long a test waits for an event or a request's answer (a JVM starting on a busy CI machine). */
export const WAIT_MS = 30_000;

/** The folder of the NodeMCU project fixtures/{name}. */
export function project(name) {
  return join(here, 'fixtures', name);
}

/** The init.lua of fixtures/{name}. */
export function initLua(name) {
  return join(project(name), 'init.lua');
}

/** The 1-based number of the first line of fixtures/{name}/init.lua that contains {text}. */
export function lineOf(name, text) {
  const lines = readFileSync(initLua(name), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.notEqual(index, -1, `no line with '${text}' in ${initLua(name)}`);
  return index + 1;
}

/**
 * A DebugClient talking to a new 'pearl dap' process, stopped when test {t} ends. Its `output`
 * array collects the bodies of every output event from the start. PEARL_DAP_STDERR=1 shows the
 * adapter's stderr.
 */
export async function startAdapter(t) {
  // Without the jar the launcher would build all of Pearl first: fail plainly instead.
  assert.ok(existsSync(cliJar), `${cliJar} is missing: build bundles/pearl.cli first`);
  const dc = new DebugClient(launcher, 'dap', 'pearl', { cwd: here }, process.env.PEARL_DAP_STDERR === '1');
  dc.defaultTimeout = WAIT_MS;
  dc.output = [];
  dc.on('output', (event) => dc.output.push(event.body));
  await dc.start();
  t.after(() => dc.stop());
  return dc;
}

/** The text of the output events of {category} so far. */
export function outputText(dc, category) {
  return dc.output.filter((o) => o.category === category).map((o) => o.output).join('');
}

/**
 * Initializes and launches {args}, sets the fixtures' breakpoints {breakpoints} (path -> array of
 * SourceBreakpoint) and exception filters {filters} when given, and sends configurationDone.
 * Returns the breakpoints as the adapter set them, by path.
 */
export async function launchConfigured(dc, args, { breakpoints = {}, filters } = {}) {
  const initialized = dc.waitForEvent('initialized');
  await dc.launch(args);
  await initialized;
  const set = {};
  for (const [path, list] of Object.entries(breakpoints)) {
    set[path] = (await dc.setBreakpointsRequest({ source: { path }, breakpoints: list })).body.breakpoints;
  }
  if (filters) {
    await dc.setExceptionBreakpointsRequest({ filters });
  }
  await dc.configurationDoneRequest();
  return set;
}

/** The variables of the scope named {name} of frame {frameId}, as name -> variable. */
export async function scopeVariables(dc, frameId, name) {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  const scope = scopes.find((s) => s.name === name);
  assert.ok(scope, `no scope '${name}' among ${scopes.map((s) => s.name).join(', ')}`);
  const variables = (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
  return Object.fromEntries(variables.map((v) => [v.name, v]));
}
