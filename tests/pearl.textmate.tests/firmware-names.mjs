// The names the Lua grammar knows as NodeMCU's (base functions, Lua libraries, firmware modules)
// come from the one firmware data file. This builds the grammar's firmware-* repository entries
// from it; `node firmware-names.mjs --write` puts them into the grammar, and the test checks that
// the grammar holds exactly what this builds, so the two cannot drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const grammarPath = resolve(repo, 'bundles/pearl.lua.ui/syntaxes/lua.tmLanguage.json');
export const firmwarePath = resolve(repo, 'bundles/pearl.lua/data/nodemcu-firmware.json');

// Not after . or : (a field of something else) nor inside a longer name.
const NOT_A_MEMBER = '(?<![.:\\w])';

const alternation = (names) => `(?:${names.join('|')})`;

// Only names that can follow a dot: a key like wifi.eventmon.reason's 4WAY_HANDSHAKE_TIMEOUT is
// reached by indexing, which the grammar sees as a number and a string.
const keys = (object) => Object.keys(object ?? {}).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));

/**
 * One rule per table that has members: `path.member` with the path's names and the member
 * scoped by kind. Deeper tables come first so that wifi.sta.config is not taken for wifi.sta.
 */
function memberRules(path, table, kind) {
  const rules = keys(table.tables).flatMap((name) => memberRules([...path, name], table.tables[name], kind));
  const kinds = [
    ['support.function', keys(table.functions)],
    ['support.constant', keys(table.constants)],
    ['support.variable', keys(table.fields)],
    ['support.module', keys(table.tables)],
  ].filter(([, names]) => names.length > 0);
  if (kinds.length === 0) {
    return rules;
  }
  const captures = {};
  const parts = path.map((name, i) => {
    captures[2 * i + 1] = { name: `support.module.${kind}.lua` };
    captures[2 * i + 2] = { name: 'punctuation.accessor.lua' };
    return `(${name})\\s*(\\.)\\s*`;
  });
  const members = kinds.map(([scope, names], i) => {
    captures[2 * path.length + i + 1] = { name: `${scope}.${kind}.lua` };
    return `(${names.join('|')})`;
  });
  rules.push({ match: `${NOT_A_MEMBER}${parts.join('')}(?:${members.join('|')})\\b`, captures });
  return rules;
}

function tableRules(tables, kind) {
  return {
    patterns: [
      ...keys(tables).flatMap((name) => memberRules([name], tables[name], kind)),
      { match: `${NOT_A_MEMBER}${alternation(keys(tables))}\\b`, name: `support.module.${kind}.lua` },
    ],
  };
}

/** The grammar's firmware-* repository entries, built from the firmware data. */
export function firmwareEntries(firmware) {
  const globals = firmware.globals;
  return {
    'firmware-globals': {
      patterns: [
        { match: `${NOT_A_MEMBER}${alternation(keys(globals.functions))}\\b`, name: 'support.function.builtin.lua' },
        {
          match: `${NOT_A_MEMBER}${alternation([...keys(globals.values), ...keys(globals.hooks)])}\\b`,
          name: 'support.variable.builtin.lua',
        },
      ],
    },
    'firmware-libraries': tableRules(firmware.libraries, 'library'),
    'firmware-modules': tableRules(firmware.modules, 'nodemcu'),
  };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const grammar = readJson(grammarPath);
  Object.assign(grammar.repository, firmwareEntries(readJson(firmwarePath)));
  writeFileSync(grammarPath, `${JSON.stringify(grammar, null, 2)}\n`);
  console.log(`updated ${grammarPath}`);
}
