package pearl.lua.lint.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Runs a {@code .luacheckrc} with LuaJ where it can do no harm. The script sees only
 * {@code string}, {@code table}, {@code math}, {@code pairs}, {@code ipairs}, {@code type},
 * {@code tostring}, {@code tonumber}, {@code select}, {@code next}, {@code unpack},
 * {@code error}, {@code pcall} and {@code assert}, plus luacheck's {@code files} and {@code stds}
 * tables: no files, no processes, no modules, no loading of code. Its text is compiled from
 * source only, so bytecode never runs.
 * <p>
 * Work is bounded by a hook the script cannot reach (a {@link DebugLib} set in the Java field of
 * the environment, never stored in a Lua table): a budget of VM instructions, a wall-clock
 * deadline and a call depth, so {@code while true do end} or runaway recursion ends with an
 * error. The same hook refuses string concatenations and {@code rep} calls that would build a
 * string over {@link #MAX_STRING} characters. Other library calls that allocate (for example
 * {@code gsub} with a huge replacement) are not metered; an {@link OutOfMemoryError} they cause
 * is reported as a configuration error.
 */
final class LuaSandbox {

	/** VM instructions a configuration may run; real ones need a few thousand. */
	static final long MAX_INSTRUCTIONS = 2_000_000;
	/** Wall-clock limit, for instructions that are slow (long string operations). */
	static final long MAX_MILLIS = 5_000;
	/** Nesting of calls; Lua's own C-call limit is 200. */
	static final int MAX_DEPTH = 200;
	/** Longest string the script may build by concatenation or {@code string.rep}. */
	static final int MAX_STRING = 1 << 20;

	/** Globals of the standard Lua that the sandbox leaves out, named in the error when a script reaches for one. */
	private static final Set<String> WITHHELD = Set.of("io", "os", "require", "dofile", "loadfile", "load", "loadstring", "debug",
			"luajava", "package", "module", "collectgarbage", "setfenv", "getfenv", "setmetatable", "getmetatable", "rawget",
			"rawset", "rawequal", "rawlen", "print", "xpcall", "coroutine", "bit32", "newproxy", "gcinfo", "_G");

	private static final Set<String> BASE_FUNCTIONS = Set.of("pairs", "ipairs", "type", "tostring", "tonumber", "select", "next",
			"error", "pcall", "assert");

	private static final Set<String> STRING_FUNCTIONS = Set.of("byte", "char", "find", "format", "gmatch", "gsub", "len", "lower",
			"match", "reverse", "sub", "upper");

	/** The chunk name Lua sees; messages are reworded to name the file instead. */
	private static final String CHUNK = "luacheckrc";

	/** LuaJ's location prefix: {@code =luacheckrc:3 text} at run time, {@code luacheckrc:3: text} when compiling. */
	private static final Pattern LOCATED = Pattern.compile("^=?" + CHUNK + ":(\\d+):?\\s(.*)$", Pattern.DOTALL);

	private static final Pattern NUMBERED_SYMBOL = Pattern.compile("unexpected symbol (\\d+) \\((.*)\\)");

	/** LuaJ's (Lua 5.2's) token numbers from 257 on: reserved words, operators, then the end and the literals. */
	private static final int FIRST_RESERVED = 257;
	private static final List<String> TOKENS = List.of("and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto",
			"if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while", "..", "...", "==", ">=", "<=",
			"~=", "::", "<eof>", "number", "name", "string");

	/** What a script left behind: its global environment and what its main chunk returned. */
	record Result(LuaTable environment, LuaValue returned) {
	}

	private LuaSandbox() {
	}

	/**
	 * Compiles and runs {@code text} as the file {@code fileName}.
	 *
	 * @throws LuacheckConfigException for a syntax error, a runtime error or a limit reached,
	 *                                 naming the file and, when Lua knows it, the line
	 */
	static Result run(String fileName, String text) {
		Prototype prototype = compile(fileName, text);
		Globals environment = environment();
		Budget budget = new Budget();
		environment.debuglib = budget;
		try {
			LuaValue returned = new LuaClosure(prototype, environment).call();
			return new Result(environment, returned);
		} catch (LuaError e) {
			throw fromLuaError(fileName, e);
		} catch (LimitReached e) {
			throw new LuacheckConfigException(fileName, e.line, e.getMessage());
		} catch (StackOverflowError e) {
			throw new LuacheckConfigException(fileName, budget.currentLine(), "calls nest too deeply");
		} catch (OutOfMemoryError e) {
			throw new LuacheckConfigException(fileName, budget.currentLine(), "uses more memory than Pearl allows a configuration");
		} catch (RuntimeException e) {
			// LuaJ turns most Java failures into LuaErrors; anything else is still the script's doing
			throw new LuacheckConfigException(fileName, budget.currentLine(), "fails: " + e);
		}
	}

	private static Prototype compile(String fileName, String text) {
		try {
			// a short fixed chunk name: Lua would shorten a long path in its messages, hiding the line
			return LuaC.instance.compile(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "=" + CHUNK);
		} catch (LuaError e) {
			throw fromLuaError(fileName, e);
		} catch (IOException | RuntimeException e) {
			throw new LuacheckConfigException(fileName, -1, "cannot be read as Lua: " + e.getMessage());
		}
	}

	/** A fresh environment per run, so no configuration sees what another one left. */
	private static Globals environment() {
		Globals library = new Globals();
		LuaTable fakePackage = new LuaTable();
		fakePackage.set("loaded", new LuaTable()); // the libraries register themselves there
		library.set("package", fakePackage);
		library.load(new BaseLib());
		library.load(new TableLib());
		library.load(new StringLib());
		library.load(new JseMathLib());

		Globals environment = new Globals();
		for (String name : BASE_FUNCTIONS) {
			environment.rawset(name, library.get(name));
		}
		LuaValue table = copy(library.get("table"));
		environment.rawset("table", table);
		environment.rawset("unpack", table.get("unpack"));
		environment.rawset("math", copy(library.get("math")));
		LuaTable string = new LuaTable();
		for (String name : STRING_FUNCTIONS) {
			string.rawset(name, library.get("string").get(name));
		}
		string.rawset("rep", new BoundedRep(library.get("string").get("rep")));
		environment.rawset("string", string);
		environment.rawset("files", autovivifying());
		environment.rawset("stds", new LuaTable());
		LuaTable meta = new LuaTable();
		meta.rawset(LuaValue.INDEX, new Withheld());
		environment.setmetatable(meta);
		return environment;
	}

	private static LuaTable copy(LuaValue table) {
		LuaTable copy = new LuaTable();
		for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
			copy.rawset(key, table.rawget(key));
		}
		return copy;
	}

	/** luacheck's {@code files}: {@code files["src"].ignore = {...}} works without creating the entry first. */
	private static LuaTable autovivifying() {
		LuaTable files = new LuaTable();
		LuaTable meta = new LuaTable();
		meta.rawset(LuaValue.INDEX, new TwoArgFunction() {
			@Override
			public LuaValue call(LuaValue self, LuaValue key) {
				LuaTable entry = new LuaTable();
				self.rawset(key, entry);
				return entry;
			}
		});
		files.setmetatable(meta);
		return files;
	}

	/** Reading an unset global gives nil, except the standard ones left out: those explain themselves. */
	private static final class Withheld extends TwoArgFunction {
		@Override
		public LuaValue call(LuaValue self, LuaValue key) {
			if (key.isstring() && WITHHELD.contains(key.tojstring())) {
				throw new LuaError("'" + key.tojstring() + "' is not available: Pearl runs .luacheckrc in a sandbox with only string, table,"
						+ " math and the basic functions (no io, os, require, load or debug)");
			}
			return NIL;
		}
	}

	/** {@code string.rep} that refuses to build a string over the limit. */
	private static final class BoundedRep extends VarArgFunction {
		private final LuaValue rep;

		BoundedRep(LuaValue rep) {
			this.rep = rep;
		}

		@Override
		public Varargs invoke(Varargs args) {
			checkRep(args.arg(1), args.arg(2), args.arg(3));
			return rep.invoke(args);
		}
	}

	private static void checkRep(LuaValue s, LuaValue n, LuaValue separator) {
		if (s.isstring() && n.isnumber()) {
			long count = (long) n.todouble();
			long length = (long) lengthOf(s) * count + (separator.isstring() ? (long) lengthOf(separator) * Math.max(0, count - 1) : 0);
			if (length > MAX_STRING) {
				throw new LuaError("string.rep would build a string of " + length + " characters; Pearl allows " + MAX_STRING
						+ " in a configuration");
			}
		}
	}

	private static int lengthOf(LuaValue value) {
		return value.type() == LuaValue.TSTRING ? ((LuaString) value.checkstring()).rawlen() : 24;
	}

	/** A limit of the sandbox was reached: an {@link Error}, so that the script's pcall cannot catch it. */
	private static final class LimitReached extends Error {
		private static final long serialVersionUID = 1L;
		final int line;

		LimitReached(String message, int line) {
			super(message, null, false, false);
			this.line = line;
		}
	}

	/**
	 * The hook: LuaJ calls it on every call, return and instruction of closures whose environment
	 * is the sandbox's. It keeps its own call stack (LuaJ calls {@link #onReturn()} from a
	 * {@code finally}, so the stack stays balanced when errors unwind) to see the instruction about
	 * to run and its registers.
	 */
	private static final class Budget extends DebugLib {
		private record Frame(Prototype prototype, LuaValue[] registers) {
		}

		private static final Frame NATIVE = new Frame(null, null);

		private final Deque<Frame> frames = new ArrayDeque<>();
		private final long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
		private final LuaValue methodRep;
		private long instructions;
		private int pc;

		Budget() {
			// the rep that ("x"):rep(n) finds through the string metatable
			LuaValue meta = LuaString.s_metatable;
			LuaValue index = meta == null ? LuaValue.NIL : meta.rawget(LuaValue.INDEX);
			methodRep = index.istable() ? index.rawget("rep") : null;
		}

		@Override
		public void onCall(LuaClosure closure, Varargs varargs, LuaValue[] stack) {
			if (frames.size() >= MAX_DEPTH) {
				throw new LimitReached("calls nest deeper than " + MAX_DEPTH + " (runaway recursion?)", currentLine());
			}
			frames.push(new Frame(closure.p, stack));
		}

		@Override
		public void onCall(LuaFunction function) {
			frames.push(NATIVE);
		}

		@Override
		public void onReturn() {
			if (!frames.isEmpty()) {
				frames.pop();
			}
		}

		@Override
		public void onInstruction(int pc, Varargs varargs, int top) {
			this.pc = pc;
			if (++instructions > MAX_INSTRUCTIONS) {
				throw new LimitReached("does not finish: it ran " + MAX_INSTRUCTIONS + " Lua instructions (an endless loop?)", currentLine());
			}
			if ((instructions & 0xFFF) == 0 && System.nanoTime() > deadline) {
				throw new LimitReached("does not finish within " + MAX_MILLIS / 1000 + " seconds", currentLine());
			}
			Frame frame = frames.peek();
			if (frame == null || frame.prototype() == null) {
				return;
			}
			int instruction = frame.prototype().code[pc];
			int op = Lua.GET_OPCODE(instruction);
			if (op == Lua.OP_CONCAT) {
				long length = 0;
				for (int r = Lua.GETARG_B(instruction); r <= Lua.GETARG_C(instruction); r++) {
					LuaValue value = frame.registers()[r];
					length += value == null ? 0 : value.type() == LuaValue.TSTRING ? ((LuaString) value).rawlen() : 24;
				}
				if (length > MAX_STRING) {
					throw new LimitReached("builds a string of " + length + " characters; Pearl allows " + MAX_STRING + " in a configuration",
							currentLine());
				}
			} else if ((op == Lua.OP_CALL || op == Lua.OP_TAILCALL) && methodRep != null) {
				int a = Lua.GETARG_A(instruction);
				if (Lua.GETARG_B(instruction) >= 3 && frame.registers()[a] == methodRep) {
					LuaValue separator = Lua.GETARG_B(instruction) >= 4 ? frame.registers()[a + 3] : LuaValue.NIL;
					try {
						checkRep(frame.registers()[a + 1], frame.registers()[a + 2], separator);
					} catch (LuaError e) {
						throw new LimitReached(e.getMessage(), currentLine());
					}
				}
			}
		}

		/** The line of the instruction running now, or -1. */
		int currentLine() {
			Frame frame = frames.peek();
			if (frame == null || frame.prototype() == null || frame.prototype().lineinfo == null || pc < 0
					|| pc >= frame.prototype().lineinfo.length) {
				return -1;
			}
			return frame.prototype().lineinfo[pc];
		}

		@Override
		public String traceback(int level) {
			return ""; // the error message names file and line; a Lua traceback would only add noise
		}

		@Override
		public LuaValue call(LuaValue name, LuaValue environment) {
			throw new UnsupportedOperationException("the sandbox hook is not a library");
		}
	}

	/** Turns a LuaError into an exception naming the file, with the line moved out of the message. */
	private static LuacheckConfigException fromLuaError(String fileName, LuaError error) {
		String message = String.valueOf(error.getMessage()).strip();
		Matcher located = LOCATED.matcher(message);
		int line = -1;
		String problem = message;
		if (located.matches()) {
			line = Integer.parseInt(located.group(1));
			problem = located.group(2).strip();
		}
		LuaValue object = error.getMessageObject();
		if (object != null && !object.isstring()) {
			problem = "raised an error with a " + object.typename() + " value";
		}
		Matcher symbol = NUMBERED_SYMBOL.matcher(problem);
		if (symbol.find()) {
			problem = symbol.replaceFirst(Matcher.quoteReplacement(unexpected(Integer.parseInt(symbol.group(1)))));
		}
		return new LuacheckConfigException(fileName, line, problem);
	}

	/** Lua's words for LuaJ's "unexpected symbol 286 (...)", which numbers the token. */
	private static String unexpected(int token) {
		int reserved = token - FIRST_RESERVED;
		if (reserved < 0) {
			return "unexpected symbol near '" + (char) token + "'";
		}
		if (reserved < TOKENS.size() - 3) {
			return "unexpected symbol near '" + TOKENS.get(reserved) + "'";
		}
		if (reserved < TOKENS.size()) {
			return "unexpected " + TOKENS.get(reserved);
		}
		return "unexpected symbol";
	}
}
