// Loads the bundle's Lua grammar into vscode-textmate on the Oniguruma regex engine, the same
// engine TextMate editors use, and tokenizes text line by line as an editor does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { grammarPath } from './firmware-names.mjs';

const require = createRequire(import.meta.url);

let onigReady;
/** Oniguruma, loaded once (it is WebAssembly). */
export function onig() {
  onigReady ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer).then(() => oniguruma);
  return onigReady;
}

/** The Lua grammar as a TextMate engine reads it. */
export async function loadGrammar(path = grammarPath) {
  const onigLib = onig().then((lib) => ({
    createOnigScanner: (patterns) => new lib.OnigScanner(patterns),
    createOnigString: (text) => new lib.OnigString(text),
  }));
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => (scopeName === 'source.lua' ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null),
  });
  return registry.loadGrammar('source.lua');
}

/**
 * The tokens of each line of text, { line, text, scopes } with the innermost scope last. Each
 * line starts in the state the previous one ended in, so long strings and comments carry over.
 */
export function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line, number) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      line: number + 1,
      text: line.substring(token.startIndex, token.endIndex),
      scopes: token.scopes,
    }));
  });
}
