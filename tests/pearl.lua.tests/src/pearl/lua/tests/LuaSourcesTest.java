package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pearl.lua.LuaSources;
import pearl.lua.LuaSyntaxError;
import pearl.lua.lua.Assignment;
import pearl.lua.lua.BinaryExpression;
import pearl.lua.lua.Chunk;
import pearl.lua.lua.ExpressionStatement;
import pearl.lua.lua.FunctionExpression;
import pearl.lua.lua.LocalDeclaration;
import pearl.lua.lua.MethodCall;
import pearl.lua.lua.NumberLiteral;
import pearl.lua.lua.StringLiteral;
import pearl.lua.lua.UnaryExpression;

class LuaSourcesTest {

	private static LuaSources sources;

	@BeforeAll
	static void setUp() {
		sources = LuaSources.standalone();
	}

	private static Chunk parseClean(String text) {
		LuaSources.Parsed parsed = sources.parse("test.lua", text);
		assertEquals(List.of(), parsed.syntaxErrors(), "syntax errors in:\n" + text);
		return parsed.chunk();
	}

	private static LuaSyntaxError singleError(String text) {
		List<LuaSyntaxError> errors = sources.parse("init.lua", text).syntaxErrors();
		assertFalse(errors.isEmpty(), "expected a syntax error in:\n" + text);
		return errors.get(0);
	}

	@Test
	void parsesTheCodeOfATypicalNodeMcuApplication() {
		parseClean("""
				-- init.lua: connect to the access point, then serve a page
				local ssid, password = "home", 'secret'
				wifi.setmode(wifi.STATION)
				wifi.sta.config({ssid = ssid, pwd = password, auto = true})

				local function onConnection(sck)
				  sck:on("receive", function(conn, payload)
				    conn:send("HTTP/1.0 200 OK\\r\\n\\r\\n" .. "<h1>Hello</h1>")
				  end)
				  sck:on("sent", function(conn) conn:close() end)
				end

				srv = net.createServer(30)
				srv:listen(80, onConnection)

				local t = tmr.create()
				t:register(1000, tmr.ALARM_AUTO, function(timer)
				  if wifi.sta.getip() == nil then
				    print("waiting for IP...")
				  elseif node.heap() < 4096 then
				    print("low heap", node.heap()); timer:stop()
				  else
				    timer:unregister()
				  end
				end)
				t:start()
				""");
	}

	@Test
	void parsesEveryStatementOfTheFirstGrammar() {
		parseClean("""
				local a, b = 1, 2
				local c
				x, y.z, t[1] = a + b, -a, not b
				function m.sub.f(p, q, ...) return ... end
				function obj:method() return self end
				local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
				while x < 10 do x = x + 1 end
				repeat local k = x until k > 3
				for i = 10, 1, -1 do print(i) end
				for k, v in pairs({1, 2, [3] = "three"; four = 4}) do print(k, v) end
				do local scoped = true end
				print "a string argument"; print { "a", "table", "argument" }
				local hex, real, exp, half = 0xFF, 3.25, 1e-3, .5
				local long = [[a long
				string]]
				""");
	}

	@Test
	void readsCommentsOfBothKinds() {
		Chunk chunk = parseClean("""
				--[[ a long comment
				     over two lines ]]
				local x = 1 -- and a line comment
				""");
		assertEquals(1, chunk.getBlock().getStatements().size());
	}

	@Test
	void stringLiteralsHoldTheStringTheyDenote() {
		Chunk chunk = parseClean("s = 'tab\\there\\65\\\"q\\\"'\nl = [[\nfirst line\nsecond]]");
		assertEquals("tab\there" + "A" + "\"q\"", stringValue(chunk, 0));
		assertEquals("first line\nsecond", stringValue(chunk, 1), "a long string drops its first newline");
	}

	private static String stringValue(Chunk chunk, int statement) {
		Assignment assignment = (Assignment) chunk.getBlock().getStatements().get(statement);
		return ((StringLiteral) assignment.getValues().get(0)).getValue();
	}

	@Test
	void multiplicationBindsTighterThanAddition() {
		Chunk chunk = parseClean("x = 1 + 2 * 3");
		BinaryExpression sum = (BinaryExpression) ((Assignment) chunk.getBlock().getStatements().get(0)).getValues().get(0);
		assertEquals("+", sum.getOperator());
		assertInstanceOf(NumberLiteral.class, sum.getLeft());
		assertEquals("*", ((BinaryExpression) sum.getRight()).getOperator());
	}

	@Test
	void concatenationAndPowerAreRightAssociative() {
		Chunk chunk = parseClean("x = a .. b .. c\ny = 2 ^ 3 ^ 2");
		BinaryExpression concat = (BinaryExpression) ((Assignment) chunk.getBlock().getStatements().get(0)).getValues().get(0);
		assertEquals("..", ((BinaryExpression) concat.getRight()).getOperator(), "a .. (b .. c)");
		BinaryExpression power = (BinaryExpression) ((Assignment) chunk.getBlock().getStatements().get(1)).getValues().get(0);
		assertEquals("^", ((BinaryExpression) power.getRight()).getOperator(), "2 ^ (3 ^ 2)");
	}

	@Test
	void unaryMinusAppliesToThePower() {
		Chunk chunk = parseClean("x = -2 ^ 2");
		UnaryExpression negation = (UnaryExpression) ((Assignment) chunk.getBlock().getStatements().get(0)).getValues().get(0);
		assertEquals("-", negation.getOperator());
		assertEquals("^", ((BinaryExpression) negation.getOperand()).getOperator(), "-(2 ^ 2)");
	}

	@Test
	void methodCallWithACallbackIsAStatement() {
		Chunk chunk = parseClean("srv:listen(80, function(conn) end)");
		ExpressionStatement statement = (ExpressionStatement) chunk.getBlock().getStatements().get(0);
		MethodCall call = (MethodCall) statement.getExpression();
		assertEquals("listen", call.getName());
		assertInstanceOf(FunctionExpression.class, call.getArguments().getValues().get(1));
	}

	@Test
	void localDeclarationKeepsAllNames() {
		Chunk chunk = parseClean("local a, b, c = 1");
		LocalDeclaration local = (LocalDeclaration) chunk.getBlock().getStatements().get(0);
		assertEquals(List.of("a", "b", "c"), local.getNames().stream().map(n -> n.getName()).toList());
	}

	@Test
	void missingEndIsReportedAtTheEndOfTheFile() {
		LuaSyntaxError error = singleError("""
				local function f()
				  if x then
				    print(1)
				end
				""");
		assertEquals("init.lua", error.file());
		assertEquals(5, error.line(), "luac reports a missing end on the line after the last: " + error);
		assertEquals("'end' expected near '<eof>'", error.message());
	}

	@Test
	void wrongTokenIsReportedOnItsLine() {
		LuaSyntaxError error = singleError("""
				local a = 1
				local b = 2
				if a == b print(a) end
				""");
		assertEquals(3, error.line(), error.toString());
		assertEquals(11, error.column(), error.toString());
		assertEquals("'then' expected near 'print'", error.message());
	}

	@Test
	void aBareExpressionIsNotAStatementAndLuaSaysSoAtTheNextToken() {
		LuaSyntaxError error = singleError("""
				print("ok")

				x
				y = 1
				""");
		assertEquals(4, error.line(), "luac reports it where it expected '=': " + error);
		assertTrue(error.message().contains("'=' expected near 'y'"), error.message());
	}

	@Test
	void onlyVariablesCanBeAssigned() {
		LuaSyntaxError error = singleError("local t = {}\nx, (t) = 1, 2\n");
		assertEquals(2, error.line(), error.toString());
		assertTrue(error.message().contains("only a variable"), error.message());
	}

	@Test
	void aCallContinuedOnTheNextLineIsAmbiguous() {
		LuaSyntaxError error = singleError("local f = print\n(f)(1)\n");
		assertEquals(2, error.line(), error.toString());
		assertTrue(error.message().startsWith("ambiguous syntax"), error.message());
	}

	@Test
	void malformedNumbersAreReportedAsLuaReportsThem() {
		LuaSyntaxError error = singleError("local a = 1\nlocal b = 3x\n");
		assertEquals(2, error.line(), error.toString());
		assertEquals("malformed number near '3x'", error.message());
	}

	@Test
	void anUnfinishedLongStringIsReportedAtTheEndOfTheFile() {
		LuaSyntaxError error = singleError("local s = [==[\nnever\nclosed ]]\n");
		assertEquals(4, error.line(), error.toString());
		assertEquals("unfinished long string near '<eof>'", error.message());
	}

	@Test
	void longBracketsOfAnyLevel() {
		Chunk chunk = parseClean("s = [==[ a ]] b ]=] c ]==]\n--[=[ comment ]] still ]=] x = 1\n");
		assertEquals(" a ]] b ]=] c ", stringValue(chunk, 0));
		assertEquals(2, chunk.getBlock().getStatements().size());
	}

	@Test
	void errorLinesCountLinesInsideLongComments() {
		LuaSyntaxError error = singleError("--[[\none\ntwo\n]]\nlocal = 1\n");
		assertEquals(5, error.line(), error.toString());
	}

	@Test
	void moreThanTwoHundredLocalsInAFunctionIsAnError() {
		StringBuilder body = new StringBuilder("local function setup()\n");
		for (int i = 0; i < 201; i++) {
			body.append("  local v").append(i).append(" = ").append(i).append('\n');
		}
		LuaSyntaxError error = singleError(body + "end\n");
		assertEquals(202, error.line(), error.toString());
		assertEquals("function at line 1 has more than 200 local variables", error.message());
	}

	@Test
	void binaryGarbageIsAnErrorNotACrash() {
		LuaSources.Parsed parsed = sources.parse("firmware.bin", "\u0000\u0001\u00ff\u00fe\u0007ELF\u0000");
		assertFalse(parsed.syntaxErrors().isEmpty());
		assertEquals(1, parsed.syntaxErrors().get(0).line());
	}
}
