package pearl.lua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pearl.lua.LuaSources;
import pearl.lua.lua.Chunk;
import pearl.lua.lua.FunctionBody;
import pearl.lua.scope.LocalVariable;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeAnalysis;
import pearl.lua.scope.ScopeModel;

class ScopeAnalysisTest {

	private static LuaSources sources;

	@BeforeAll
	static void setUp() {
		sources = LuaSources.standalone();
	}

	private static ScopeModel scopes(String text) {
		LuaSources.Parsed parsed = sources.parse("scope.lua", text);
		assertEquals(List.of(), parsed.syntaxErrors());
		return ScopeAnalysis.analyze(parsed.chunk());
	}

	/** The uses of {@code name}, in source order. */
	private static List<NameUse> uses(ScopeModel model, String name) {
		return model.uses().stream().filter(u -> u.name().equals(name)).toList();
	}

	private static LocalVariable local(ScopeModel model, String name) {
		return model.locals().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void aLocalIsVisibleOnlyAfterItsDeclaration() {
		ScopeModel model = scopes("local x = x\nprint(x)\n");
		List<NameUse> x = uses(model, "x");
		assertTrue(x.get(0).isGlobal(), "the right-hand side reads the global x");
		assertSame(local(model, "x"), x.get(1).local());
	}

	@Test
	void aLocalFunctionSeesItselfButALocalFunctionValueDoesNot() {
		ScopeModel model = scopes("""
				local function fact(n) if n < 2 then return 1 end return n * fact(n - 1) end
				local loop = function() return loop() end
				""");
		assertSame(local(model, "fact"), uses(model, "fact").get(0).local(), "recursion reaches the local function");
		assertTrue(uses(model, "loop").get(0).isGlobal(), "inside its own initializer, loop is still a global");
	}

	@Test
	void loopVariablesLiveInTheLoopBody() {
		ScopeModel model = scopes("for i = 1, 3 do print(i) end\nprint(i)\nfor k, v in pairs(t) do print(k, v) end\n");
		List<NameUse> i = uses(model, "i");
		assertEquals(LocalVariable.Kind.FOR_VARIABLE, i.get(0).local().kind());
		assertTrue(i.get(1).isGlobal());
		assertFalse(uses(model, "v").get(0).isGlobal());
	}

	@Test
	void theUntilConditionSeesTheBodysLocals() {
		ScopeModel model = scopes("repeat local done = poll() until done\n");
		assertFalse(uses(model, "done").get(0).isGlobal());
	}

	@Test
	void aMethodHasAnImplicitSelf() {
		ScopeModel model = scopes("function Led:toggle() self.on = not self.on end\n");
		LocalVariable self = local(model, "self");
		assertEquals(LocalVariable.Kind.SELF, self.kind());
		assertEquals(2, self.uses().size());
		assertEquals(NameUse.Access.READ, uses(model, "Led").get(0).access(), "function Led:toggle() reads Led");
	}

	@Test
	void functionStatementsAssignTheirName() {
		ScopeModel model = scopes("function setup() end\nlocal function helper() end\nfunction helper() end\n");
		NameUse setup = uses(model, "setup").get(0);
		assertTrue(setup.isGlobal());
		assertEquals(NameUse.Access.WRITE, setup.access());
		NameUse helper = uses(model, "helper").get(0);
		assertSame(local(model, "helper"), helper.local(), "function helper() assigns the visible local");
	}

	@Test
	void globalsAreEveryOtherName() {
		ScopeModel model = scopes("count = 0\nlocal t = {}\nt.x = count + 1\nprint(t[key])\n");
		assertEquals(List.of("count:WRITE", "count:READ", "print:READ", "key:READ"),
				model.globalUses().stream().map(u -> u.name() + ":" + u.access()).toList());
	}

	@Test
	void aCallbackThatUsesAnOuterLocalCapturesIt() {
		ScopeModel model = scopes("""
				local srv = net.createServer(30)
				local unused = 1
				srv:listen(80, function(conn)
				  conn:on("receive", function(c, data) srv:close() end)
				end)
				""");
		LocalVariable srv = local(model, "srv");
		assertTrue(srv.isCaptured());
		assertFalse(local(model, "unused").isCaptured());
		Chunk chunk = (Chunk) srv.declaration().eResource().getContents().get(0);
		List<FunctionBody> functions = EcoreUtil2.getAllContentsOfType(chunk, FunctionBody.class);
		assertEquals(List.of(srv), model.upvaluesOf(functions.get(0)), "the listen callback reaches srv through its inner closure");
		assertEquals(List.of(srv), model.upvaluesOf(functions.get(1)));
	}

	@Test
	void anInnerLocalShadowsAnOuterOne() {
		ScopeModel model = scopes("local x = 1\ndo local x = 2 print(x) end\nprint(x)\n");
		List<LocalVariable> xs = model.locals().stream().filter(l -> l.name().equals("x")).toList();
		assertSame(xs.get(0), xs.get(1).shadowed());
		assertNull(xs.get(0).shadowed());
		List<NameUse> reads = uses(model, "x");
		assertSame(xs.get(1), reads.get(0).local());
		assertSame(xs.get(0), reads.get(1).local(), "the outer x is visible again after the block");
	}

	@Test
	void everyUseOfANameCanBeFoundFromItsSyntaxElement() {
		ScopeModel model = scopes("local a = 1\nb = a\n");
		for (NameUse use : model.uses()) {
			EObject owner = use.owner();
			assertNotNull(model.useOf(owner));
		}
		assertSame(local(model, "a"), model.localDeclaredBy(local(model, "a").declaration()));
	}
}
