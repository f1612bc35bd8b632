// The language configuration's patterns as editors apply them: VS Code-style editors read them as
// JavaScript regular expressions, TextMate engines as Oniguruma ones; both must agree on Lua lines.
// (That they equal the Eclipse editor's LuaEditorFacts is checked in pearl.lua.ide.tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readJson, grammarPath } from './firmware-names.mjs';
import { onig } from './textmate.mjs';

const configuration = readJson(resolve(grammarPath, '../../language-configurations/language-configuration.json'));
const lib = await onig();

/** Whether pattern matches line, asserting that JavaScript and Oniguruma say the same. */
function matches(pattern, line) {
  const byJavaScript = new RegExp(pattern).test(line);
  const byOniguruma = new lib.OnigScanner([pattern]).findNextMatchSync(new lib.OnigString(line), 0) !== null;
  assert.equal(byOniguruma, byJavaScript, `JavaScript and Oniguruma on ${JSON.stringify(line)} with ${pattern}`);
  return byJavaScript;
}

function expectMatching(pattern, lines, expected) {
  for (const line of lines) {
    assert.equal(matches(pattern, line), expected, `${JSON.stringify(line)} ${expected ? 'matches' : 'does not match'} ${pattern}`);
  }
}

test('a new line is indented after a block opens or a bracket stays open', () => {
  const { increaseIndentPattern } = configuration.indentationRules;
  expectMatching(increaseIndentPattern, ['local function blink(pin)', 'if on then', '  for i = 1, 3 do', 'repeat', 'else',
    'tmr.create():alarm(500, tmr.ALARM_AUTO, function(t)', 'local config = {', 'print(a,  -- more below'], true);
  expectMatching(increaseIndentPattern, ['for i = 1, 3 do print(i) end', '-- then', 'local t = { 1, 2 }', 'x = 1 -- (', 'end'], false);
});

test('a line that closes a block or bracket is outdented', () => {
  const { decreaseIndentPattern } = configuration.indentationRules;
  expectMatching(decreaseIndentPattern, ['end', '  end)', 'until done', 'else', '  elseif x then', '}', ')'], true);
  expectMatching(decreaseIndentPattern, ['endless = 1', 'local elsewhere', 'print(")")'], false);
});

test('a long comment over several lines folds from its opening to its closing line', () => {
  const { start, end } = configuration.folding.markers;
  expectMatching(start, ['--[[', '  --[==[ notes', '--[[ starts here'], true);
  expectMatching(start, ['--[[ one line ]]', '-- [[', 'local s = [['], false);
  expectMatching(end, [']]', '  --]]', ']==]'], true);
  expectMatching(end, ['x = t[1]', 'local s = a[b[1]]'], false);
});
