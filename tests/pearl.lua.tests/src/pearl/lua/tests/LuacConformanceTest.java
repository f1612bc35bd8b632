package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pearl.lua.LuaSources;
import pearl.lua.LuaSyntaxError;
import pearl.lua.parser.LuaLexer;

/**
 * Pearl's parser against the reference compiler: for every input, Pearl reports a syntax error
 * if and only if {@code luac5.1 -p} rejects it, and on the same line. Inputs: the Lua sources
 * that Debian packages install (the test script installs a set of them), edge cases written
 * here, and mutants of the sources with one token deleted or duplicated.
 */
class LuacConformanceTest {

	private static final Path LUAC = Path.of("/usr/bin/luac5.1");
	private static final List<Path> CORPUS_ROOTS = List.of(Path.of("/usr/share/lua"), Path.of("/usr/lib/x86_64-linux-gnu/lua"),
			Path.of("/usr/share/lua5.1"));
	private static final Pattern LUAC_ERROR = Pattern.compile("^\\S*luac5\\.1: [^\\n]*?:(\\d+): (.*)$", Pattern.MULTILINE);
	private static final int MUTANTS_PER_FILE = Integer.getInteger("pearl.conformance.mutants", 2);

	private static LuaSources sources;
	private static Path input;

	@BeforeAll
	static void setUp() throws IOException {
		assertTrue(Files.isExecutable(LUAC), LUAC + " is missing: install the Debian package lua5.1 (./test.sh does)");
		sources = LuaSources.standalone();
		input = Files.createTempFile("pearl-conformance-", ".lua");
		input.toFile().deleteOnExit();
	}

	/** What luac said: accepted, or rejected with a line and a message. */
	private record Verdict(boolean accepted, int line, String message) {
		@Override
		public String toString() {
			return accepted ? "accepted" : "line " + line + ": " + message;
		}
	}

	private static Verdict luac(String text) throws IOException, InterruptedException {
		// from a file, not a pipe: luac stops reading at its first error
		Files.write(input, text.getBytes(StandardCharsets.ISO_8859_1));
		Process process = new ProcessBuilder(LUAC.toString(), "-p", input.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("luac5.1 did not finish");
		}
		if (process.exitValue() == 0) {
			return new Verdict(true, 0, "");
		}
		Matcher m = LUAC_ERROR.matcher(output);
		if (!m.find()) {
			fail("cannot read luac's answer: " + output);
		}
		return new Verdict(false, Integer.parseInt(m.group(1)), m.group(2));
	}

	private static Verdict pearl(String name, String text) {
		List<LuaSyntaxError> errors = sources.parse(name, text).syntaxErrors();
		return errors.isEmpty() ? new Verdict(true, 0, "") : new Verdict(false, errors.get(0).line(), errors.get(0).message());
	}

	/** Compares one input; returns a description of the disagreement, or null. */
	private static String disagreement(String name, String text) throws IOException, InterruptedException {
		Verdict reference = luac(text);
		Verdict ours = pearl(name, text);
		if (reference.accepted() == ours.accepted() && reference.line() == ours.line()) {
			return null;
		}
		return name + "\n    luac5.1: " + reference + "\n    Pearl:   " + ours;
	}

	private static void assertAgreement(List<String> disagreements, int inputs) {
		System.out.println("luac conformance: " + inputs + " inputs, " + disagreements.size() + " disagreements");
		if (!disagreements.isEmpty()) {
			fail(disagreements.size() + " of " + inputs + " inputs disagree with luac5.1, e.g.:\n"
					+ String.join("\n", disagreements.subList(0, Math.min(25, disagreements.size()))));
		}
	}

	/** Hand-written inputs at the edges of the language: luac is the oracle, not the test. */
	private static final List<String> EDGE_CASES = List.of(
			"#!/usr/bin/lua\nprint(1)\n",
			"#!/usr/bin/lua\nprint(\n",
			"x = [==[ a ]] still ]=] inside ]==]\n",
			"x = [[\nfirst\n[[nested]]\n]]\n",
			"--[[ a [[ nested ]] comment ]]\n",
			"--[==[ a [[ nested ]] comment ]==]\nx = 1\n",
			"--[= not long\nx = 1\n",
			"x = [=\n",
			"x = [[ never closed\n\n",
			"--[[ never closed\n\n\n",
			"x = \"never closed\ny = 1\n",
			"x = 'a\\\nb'\n",
			"x = '\\65\\066\\0677'\n",
			"x = '\\256'\n",
			"x = '\\q'\n",
			"x = 0x1F + 1e10 + .5 + 3. + 1E-2\n",
			"x = 3x\n",
			"x = 1..2\n",
			"x = 0x\n",
			"x = 0x1p4\n",
			"x = 08\n",
			"x = a..b..c\n",
			"x = 1 ..2\n",
			"x = a.5\n",
			"x\n",
			"x\ny = 1\n",
			"f() = 1\n",
			"(x) = 1\n",
			"x, f() = 1, 2\n",
			"a.b:c = 1\n",
			"local x <const> = 1\n",
			"goto done\n::done::\n",
			"x = a // b\n",
			"x = a ~= b\nx = a ~ b\n",
			"x = a != b\n",
			"f\n(g)\n",
			"local f = g\n(h)()\n",
			"f{1}\nf'str'\nf[[long]]\n",
			"function f() return ... end\n",
			"function f(...) return ... end\n",
			"function f(a, ...) local g = function() return ... end end\n",
			"break\n",
			"while true do break end\n",
			"while true do break x = 1 end\n",
			"while true do local f = function() break end end\n",
			"repeat local x = 1 until x\n",
			"return 1\nprint(2)\n",
			"return;\n",
			"do return end\n",
			";\n",
			"x = 1;;\n",
			"t = {1, 2; 3,}\n",
			"t = {;}\n",
			"t = {[1] = 2, x = 3, 4}\n",
			"for i = 1 do end\n",
			"for a, b = 1, 2 do end\n",
			"for k, v in pairs(t) do end\n",
			"if a then elseif b then else end\n",
			"if a then else elseif b then end\n",
			"local function f() end\nlocal function() end\n",
			"function a.b.c:d() end\n",
			"function a:b.c() end\n",
			"x = function() end()\n",
			"(function() end)()\n",
			"x = -2^-2\nx = not not x\nx = #t + -#t\n",
			"x = 1 + + 2\n",
			"x = \"\\\"\" .. '\\''\n",
			"x = 'tab\there'\n",
			"x = \u00e9\n",
			"\u00ef\u00bb\u00bfprint(1)\n",
			"x = 1 --[[ comment ]] + 2\n",
			"x = 1 -- comment [[ not long\n",
			"local a, b, c\nlocal = 1\n",
			"x = a.b.c[d](e):f(g)\n",
			"print(('x'):rep(3))\n",
			"x = 'a' 'b'\n",
			"x = f 'a' 'b'\n",
			"local t = {f = function(self) return self end}\n",
			"x = y z = 1\n",
			"if x then\n  print(1)\n",
			"function f()\n  if x then\n    return\n  end\n",
			"x = {\n  a = 1\n  b = 2\n}\n",
			"\n\n\nx = = 1\n",
			"x = 1\r\ny = = 2\r\n",
			"x = 1\ry = = 2\r",
			"x = [[\r\nline]] y = = 1\n",
			"");

	/** Programs at Lua 5.1's limit of 200 active locals per function, and one over it. */
	private static List<String> localLimitCases() {
		List<String> cases = new ArrayList<>();
		StringBuilder twoHundred = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			twoHundred.append("local a").append(i).append(" = ").append(i).append('\n');
		}
		cases.add(twoHundred.toString());
		cases.add(twoHundred + "local over = 1\n");
		cases.add(twoHundred + "do end\nlocal function f() end\n");
		StringBuilder names = new StringBuilder("local x0");
		for (int i = 1; i < 201; i++) {
			names.append(", x").append(i);
		}
		cases.add(names + "\n= 1\n");
		cases.add("function f(p)\n" + twoHundred.toString().replace("local a0 = 0\n", "") + "end\n");
		cases.add("function f(p, q)\n" + twoHundred.toString().replace("local a0 = 0\n", "") + "end\n");
		cases.add("function t:m()\n" + twoHundred.toString().replace("local a0 = 0\n", "") + "end\n");
		cases.add(twoHundred.toString().replace("local a199 = 199\n", "") + "for i = 1, 2 do end\n");
		cases.add(twoHundred.toString().replace("local a199 = 199\n", "").replace("local a198 = 198\n", "")
				.replace("local a197 = 197\n", "") + "for i = 1, 2 do local inside = i end\n");
		cases.add("do\n" + twoHundred + "end\n" + twoHundred);
		// and 60 upvalues per function
		StringBuilder sixtyOne = new StringBuilder();
		StringBuilder sum = new StringBuilder("0");
		for (int i = 0; i < 61; i++) {
			sixtyOne.append("local u").append(i).append(" = ").append(i).append('\n');
			sum.append(" + u").append(i);
		}
		cases.add(sixtyOne + "local function f()\n  return " + sum + "\nend\n");
		cases.add(sixtyOne + "local function f()\n  return " + sum.toString().replace(" + u60", "") + "\nend\n");
		cases.add(sixtyOne + "local function outer()\n  return function()\n    return " + sum + "\n  end\nend\n");
		StringBuilder assignments = new StringBuilder();
		for (int i = 0; i < 61; i++) {
			assignments.append("  u").append(i).append(" = u").append(i).append(" + 1\n");
		}
		cases.add(sixtyOne + "local t = function()\n" + assignments + "end\n");
		// and 200 nested syntax levels: parentheses, concatenation chains, blocks, unary operators, tables, calls
		for (int n : new int[] { 196, 197, 198 }) {
			cases.add("x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n");
			cases.add("local t = " + "{".repeat(n) + "1" + "}".repeat(n) + "\n");
			cases.add("print(" + "f(".repeat(n) + "1" + ")".repeat(n) + ")\n");
			cases.add("do\n".repeat(n) + "x = 1\n" + "end\n".repeat(n));
			cases.add("x = " + "-".repeat(n) + "1\n");
			cases.add("x = " + "not ".repeat(n) + "true\n");
			cases.add("while true do\n".repeat(n / 2) + "local s = " + "'a' ..\n".repeat(n / 2) + "'b'\n" + "end\n".repeat(n / 2));
		}
		for (int pieces : new int[] { 198, 199 }) {
			cases.add("local html = " + String.join(" ..\n  ", java.util.Collections.nCopies(pieces, "'<td>'")) + "\n");
			cases.add("x = " + String.join(" ^ ", java.util.Collections.nCopies(pieces, "2")) + "\n");
			cases.add("x = " + String.join(" + ", java.util.Collections.nCopies(pieces * 3, "1")) + "\n");
		}
		return cases;
	}

	@Test
	void edgeCasesAgreeWithLuac() throws Exception {
		List<String> disagreements = new ArrayList<>();
		int i = 0;
		List<String> all = new ArrayList<>(EDGE_CASES);
		all.addAll(localLimitCases());
		for (String text : all) {
			String result = disagreement("edge case " + (i++) + " " + text.replace("\n", "\\n").replace("\r", "\\r"), text);
			if (result != null) {
				disagreements.add(result);
			}
		}
		assertAgreement(disagreements, all.size());
	}

	@Test
	void debianLuaSourcesAndTheirMutantsAgreeWithLuac() throws Exception {
		List<Path> files = new ArrayList<>();
		for (Path root : CORPUS_ROOTS) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> walk = Files.walk(root)) {
					walk.filter(p -> p.toString().endsWith(".lua") && Files.isRegularFile(p)).forEach(files::add);
				}
			}
		}
		files.sort(Comparator.naturalOrder());
		assertTrue(files.size() >= 500, "corpus too small (" + files.size() + " files): install Debian's Lua packages (./test.sh does)");
		List<String> disagreements = new ArrayList<>();
		int inputs = 0;
		for (Path file : files) {
			String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			inputs++;
			String result = disagreement(file.toString(), text);
			if (result != null) {
				disagreements.add(result);
			}
			Random random = new Random(file.toString().hashCode());
			List<Token> tokens = tokens(text);
			for (int m = 0; m < MUTANTS_PER_FILE && !tokens.isEmpty(); m++) {
				Token token = tokens.get(random.nextInt(tokens.size()));
				boolean delete = random.nextBoolean();
				String mutant = mutate(text, token, delete);
				inputs++;
				result = disagreement(file + " with '" + token.getText() + "' at line " + token.getLine() + (delete ? " deleted" : " duplicated"),
						mutant);
				if (result != null) {
					disagreements.add(result);
				}
			}
		}
		assertAgreement(disagreements, inputs);
	}

	/** The tokens a mutation may delete or duplicate: everything but white space and comments. */
	private static List<Token> tokens(String text) {
		LuaLexer lexer = new LuaLexer(new ANTLRStringStream(text));
		List<Token> tokens = new ArrayList<>();
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			int type = token.getType();
			if (type != LuaLexer.RULE_WS && type != LuaLexer.RULE_LINE_COMMENT && type != LuaLexer.RULE_LONG_COMMENT) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	private static String mutate(String text, Token token, boolean delete) {
		int start = ((org.antlr.runtime.CommonToken) token).getStartIndex();
		int stop = ((org.antlr.runtime.CommonToken) token).getStopIndex() + 1;
		return delete ? text.substring(0, start) + text.substring(stop)
				: text.substring(0, stop) + " " + text.substring(start, stop) + text.substring(stop);
	}
}
