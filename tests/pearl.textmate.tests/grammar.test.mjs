// The Lua grammar, run by a real TextMate engine over NodeMCU code: each token must carry the
// scope a Lua user expects, so that a theme colours it as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firmwareEntries, firmwarePath, grammarPath, readJson } from './firmware-names.mjs';
import { loadGrammar, tokenize } from './textmate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const weatherStation = resolve(here, '../../examples/weather-station');
const grammar = await loadGrammar();

const KEYWORDS = new Set(['and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'if', 'in', 'local',
  'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while']);

function tokensOf(path) {
  return tokenize(grammar, readFileSync(path, 'utf8'));
}

const innermost = (token) => token.scopes.at(-1);
const describe = (token) => `line ${token.line} "${token.text}": ${token.scopes.join(' ')}`;

/** The tokens of the one line that starts with prefix. */
function lineStarting(lines, prefix) {
  const found = lines.filter((tokens) => tokens.map((t) => t.text).join('').startsWith(prefix));
  assert.equal(found.length, 1, `one line starting with ${prefix}`);
  return found[0];
}

/**
 * Each [text, scope] in turn is the next token with that text on the line, and scope is its
 * innermost scope.
 */
function expectScopes(tokens, expected) {
  let from = 0;
  for (const [text, scope] of expected) {
    const at = tokens.findIndex((token, i) => i >= from && token.text === text);
    assert.notEqual(at, -1, `a token "${text}" after token ${from} in ${tokens.map(describe).join(' | ')}`);
    assert.equal(innermost(tokens[at]), scope, describe(tokens[at]));
    from = at + 1;
  }
}

/** expectScopes on each line, named by how it starts. */
function expectLines(lines, expectedByLineStart) {
  for (const [prefix, expected] of Object.entries(expectedByLineStart)) {
    expectScopes(lineStarting(lines, prefix), expected);
  }
}

/** Every token of the lines has scope as its innermost scope. */
function expectAll(lines, scope) {
  for (const token of lines.flat()) {
    assert.equal(innermost(token), scope, describe(token));
  }
}

/** Lets a whitespace-only token be plain source; anything else must say what it is. */
function expectEveryTokenScoped(lines) {
  for (const token of lines.flat()) {
    if (token.text.trim() !== '') {
      assert.ok(token.scopes.length > 1, `a scope beyond source.lua for ${describe(token)}`);
    }
    const inText = token.scopes.some((scope) => scope.startsWith('string.') || scope.startsWith('comment.'));
    if (KEYWORDS.has(token.text.trim()) && !inText) {
      assert.match(innermost(token), /^(keyword\.|storage\.|constant\.language\.)/, describe(token));
    }
  }
}

const invalidTokens = (lines) => lines.flat().filter((token) => token.scopes.some((s) => s.startsWith('invalid.')));

test('the grammar names exactly the base functions, libraries and modules of the firmware data', () => {
  const firmware = readJson(firmwarePath);
  const repository = readJson(grammarPath).repository;
  for (const [key, entry] of Object.entries(firmwareEntries(firmware))) {
    assert.deepEqual(repository[key], entry, `${key} is out of date: run npm run update-grammar`);
  }
  const bareModules = repository['firmware-modules'].patterns.at(-1);
  assert.equal(bareModules.name, 'support.module.nodemcu.lua');
  assert.deepEqual(bareModules.match.match(/\(\?:([^)]*)\)/)[1].split('|'), Object.keys(firmware.modules));
});

test('the weather station example: every token scoped, none invalid, keywords as keywords', () => {
  for (const file of readdirSync(weatherStation).filter((name) => name.endsWith('.lua'))) {
    const lines = tokensOf(resolve(weatherStation, file));
    expectEveryTokenScoped(lines);
    assert.deepEqual(invalidTokens(lines).map(describe), [], file);
  }
});

test('the weather station example: NodeMCU modules, library calls, methods and local functions', () => {
  const app = tokensOf(resolve(weatherStation, 'app.lua'));
  expectLines(app, {
    'tmr.create():alarm(': [
      ['tmr', 'support.module.nodemcu.lua'], ['.', 'punctuation.accessor.lua'], ['create', 'support.function.nodemcu.lua'],
      ['(', 'punctuation.section.parens.begin.lua'], [')', 'punctuation.section.parens.end.lua'],
      [':', 'punctuation.accessor.method.lua'], ['alarm', 'entity.name.function.call.lua'],
      ['10000', 'constant.numeric.decimal.lua'], [',', 'punctuation.separator.comma.lua'],
      ['tmr', 'support.module.nodemcu.lua'], ['ALARM_AUTO', 'support.constant.nodemcu.lua'],
      ['function', 'storage.type.function.lua'],
    ],
    'local function sample()': [
      ['local', 'storage.modifier.local.lua'], ['function', 'storage.type.function.lua'], ['sample', 'entity.name.function.lua'],
    ],
    '  local sum, low, high = 0, math.huge, -math.huge': [
      ['sum', 'variable.other.lua'], ['=', 'keyword.operator.assignment.lua'], ['math', 'support.module.library.lua'],
      ['huge', 'support.constant.library.lua'], ['-', 'keyword.operator.arithmetic.lua'],
    ],
    '  for i = 1, #readings do': [
      ['for', 'keyword.control.lua'], ['#', 'keyword.operator.length.lua'], ['readings', 'variable.other.lua'], ['do', 'keyword.control.lua'],
    ],
    '      log:writeline(line)': [
      ['log', 'variable.other.lua'], [':', 'punctuation.accessor.method.lua'], ['writeline', 'entity.name.function.call.lua'],
    ],
    '    local line = string.format("%d': [
      ['string', 'support.module.library.lua'], ['format', 'support.function.library.lua'],
      ['"', 'punctuation.definition.string.begin.lua'], ['%d,%.2f,%.2f,%.2f', 'string.quoted.double.lua'],
      ['"', 'punctuation.definition.string.end.lua'], ['time', 'support.function.nodemcu.lua'],
    ],
    '-- Samples a': [['--', 'punctuation.definition.comment.lua']],
  });
  expectAll([lineStarting(app, '-- Samples a').slice(1)], 'comment.line.double-dash.lua');
  expectLines(tokensOf(resolve(weatherStation, 'init.lua')), {
    '    dofile("app.lua")': [['dofile', 'support.function.builtin.lua']],
    '  if file.exists("app.lua") then': [
      ['if', 'keyword.control.lua'], ['file', 'support.module.nodemcu.lua'], ['exists', 'support.function.nodemcu.lua'], ['then', 'keyword.control.lua'],
    ],
  });
});

test('long brackets of level 2 end only at their own closing bracket, across lines', () => {
  const lines = tokensOf(resolve(here, 'samples/tricky.lua'));
  const at = (prefix) => lines.indexOf(lineStarting(lines, prefix));
  const string = at('local banner');
  expectScopes(lines[string], [['local', 'storage.modifier.local.lua'], ['[==[', 'punctuation.definition.string.begin.lua']]);
  expectAll([lines[string + 1]], 'string.quoted.other.multiline.lua');
  expectScopes(lines[string + 2], [[']==]', 'punctuation.definition.string.end.lua']]);

  const comment = at('--[==[ a level-2 comment');
  expectScopes(lines[comment], [['--[==[', 'punctuation.definition.comment.begin.lua']]);
  expectAll([lines[comment].slice(1), lines[comment + 1]], 'comment.block.lua');
  expectScopes(lines[comment + 2], [
    [']==]', 'punctuation.definition.comment.end.lua'], ['local', 'storage.modifier.local.lua'], ['after', 'variable.other.lua'],
    ['0x1F', 'constant.numeric.hex.lua'],
  ]);
  expectScopes(lineStarting(lines, '--[[ one line ]]'), [
    [']]', 'punctuation.definition.comment.end.lua'], ['print', 'support.function.builtin.lua'], ['code again', 'string.quoted.double.lua'],
  ]);
  expectScopes(lineStarting(lines, 'local nested'), [
    ['[[', 'punctuation.definition.string.begin.lua'], ['[[', 'invalid.illegal.nested-long-bracket.lua'],
    [']]', 'punctuation.definition.string.end.lua'],
  ]);
});

test('escapes in strings: valid ones as escapes, the ones Lua 5.1 refuses or misreads as invalid', () => {
  const lines = tokensOf(resolve(here, 'samples/tricky.lua'));
  const start = lines.indexOf(lineStarting(lines, 'local s = '));
  expectScopes(lines[start], [
    ['"', 'punctuation.definition.string.begin.lua'], ['\\t', 'constant.character.escape.lua'],
    ['\\"', 'constant.character.escape.lua'], ['\\65', 'constant.character.escape.decimal.lua'],
    ['\\066', 'constant.character.escape.decimal.lua'], ['\\255', 'constant.character.escape.decimal.lua'],
    ['\\256', 'invalid.illegal.escape.lua'], ['\\q', 'invalid.illegal.escape.lua'], ['\\', 'constant.character.escape.lua'],
  ]);
  // The backslash at the end of the line continues the string on the next.
  expectScopes(lines[start + 1], [['still the string', 'string.quoted.double.lua'], ['"', 'punctuation.definition.string.end.lua']]);
  // A string left open ends with its line (Lua refuses it there): the next line is code again.
  expectScopes(lines[start + 2], [['no closing quote', 'string.quoted.double.lua']]);
  expectScopes(lines[start + 3], [['local', 'storage.modifier.local.lua'], ['1', 'constant.numeric.decimal.lua']]);
});

test('numbers, operators, functions and methods of the tricky sample', () => {
  const lines = tokensOf(resolve(here, 'samples/tricky.lua'));
  expectLines(lines, {
    'local n = ': [
      ['0xfF', 'constant.numeric.hex.lua'], ['+', 'keyword.operator.arithmetic.lua'], ['1e10', 'constant.numeric.decimal.lua'],
      ['3.25E-2', 'constant.numeric.decimal.lua'], ['.5', 'constant.numeric.decimal.lua'], ['%', 'keyword.operator.arithmetic.lua'],
      ['^', 'keyword.operator.arithmetic.lua'], ['2', 'constant.numeric.decimal.lua'],
    ],
    'local bad = ': [
      ['3', 'constant.numeric.decimal.lua'], ['x', 'invalid.illegal.malformed-number.lua'],
      ['1.', 'constant.numeric.decimal.lua'], ['.2', 'invalid.illegal.malformed-number.lua'],
    ],
    'local function blink': [
      ['local', 'storage.modifier.local.lua'], ['function', 'storage.type.function.lua'], ['blink', 'entity.name.function.lua'],
      ['(', 'punctuation.definition.parameters.begin.lua'], ['pin', 'variable.parameter.function.lua'],
      ['...', 'keyword.operator.vararg.lua'], [')', 'punctuation.definition.parameters.end.lua'],
    ],
    '  t:alarm(': [
      ['t', 'variable.other.lua'], [':', 'punctuation.accessor.method.lua'], ['alarm', 'entity.name.function.call.lua'],
      ['ALARM_AUTO', 'support.constant.nodemcu.lua'], ['function', 'storage.type.function.lua'], ['timer', 'variable.parameter.function.lua'],
    ],
    '    gpio.write(': [
      ['gpio', 'support.module.nodemcu.lua'], ['write', 'support.function.nodemcu.lua'], ['read', 'support.function.nodemcu.lua'],
      ['==', 'keyword.operator.comparison.lua'], ['HIGH', 'support.constant.nodemcu.lua'], ['and', 'keyword.operator.logical.lua'],
      ['or', 'keyword.operator.logical.lua'],
    ],
    '  return #{...}': [
      ['return', 'keyword.control.lua'], ['#', 'keyword.operator.length.lua'], ['{', 'punctuation.section.table.begin.lua'],
      ['...', 'keyword.operator.vararg.lua'], ['~=', 'keyword.operator.comparison.lua'], ['..', 'keyword.operator.concatenation.lua'],
      ['b', 'string.quoted.single.lua'],
    ],
    'function M.util:step': [
      ['M', 'variable.other.lua'], ['.', 'punctuation.accessor.lua'], ['util', 'variable.other.lua'],
      [':', 'punctuation.accessor.method.lua'], ['step', 'entity.name.function.lua'], ['x', 'variable.parameter.function.lua'],
    ],
    '  self.count': [['self', 'variable.language.self.lua'], ['count', 'variable.other.property.lua']],
    '  wifi.sta.config(': [
      ['wifi', 'support.module.nodemcu.lua'], ['sta', 'support.module.nodemcu.lua'], ['config', 'support.function.nodemcu.lua'],
      ['ssid', 'variable.other.lua'], ['p', 'string.quoted.other.multiline.lua'], [';', 'punctuation.terminator.statement.lua'],
      ['blink', 'entity.name.function.call.lua'],
    ],
    '  print(string.format(': [
      ['floor', 'support.function.library.lua'], ['node', 'support.module.nodemcu.lua'], ['heap', 'support.function.nodemcu.lua'],
      ['/', 'keyword.operator.arithmetic.lua'], ['_G', 'support.variable.builtin.lua'], ['nil', 'constant.language.nil.lua'],
      ['true', 'constant.language.boolean.lua'], ['false', 'constant.language.boolean.lua'],
    ],
    'until not': [['until', 'keyword.control.lua'], ['not', 'keyword.operator.logical.lua'], ['<=', 'keyword.operator.comparison.lua']],
    '#!': [
      ['#', 'punctuation.definition.comment.lua'], ['!/usr/bin/env lua', 'comment.line.number-sign.shebang.lua'],
    ],
  });
});

test('the tricky sample: every token scoped, and invalid exactly where Lua 5.1 refuses the text', () => {
  const lines = tokensOf(resolve(here, 'samples/tricky.lua'));
  expectEveryTokenScoped(lines);
  assert.deepEqual(invalidTokens(lines).map((token) => token.text), ['\\256', '\\q', 'x', '.2', '[[']);
});
