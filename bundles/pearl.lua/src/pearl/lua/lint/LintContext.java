package pearl.lua.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.firmware.FirmwareModel;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.lint.config.InlineOptions;
import pearl.lua.lua.Chunk;
import pearl.lua.parser.LuaLineMap;
import pearl.lua.scope.NameUse;
import pearl.lua.scope.ScopeModel;
import pearl.lua.SourceRegions;

/** One file as the rules see it: its tree, its scopes, the configuration, and where to report. */
public final class LintContext {

	private final String fileName;
	private final Chunk chunk;
	private final ScopeModel scopes;
	private final LintConfig config;
	private final LuaLineMap lines;
	private final Linter.Findings findings;
	private final FirmwareModel firmware;
	private final String text;
	private InlineOptions inline; // read when the first finding is reported: queries never need it
	private ObjectTypes objectTypes;
	private List<PathUse> pathUses;
	private final List<EObject> elements;

	LintContext(String fileName, String text, pearl.lua.LuaSources.Parsed parsed, LintConfig config, FirmwareModel firmware,
			Linter.Findings findings) {
		this.elements = parsed.elements();
		Chunk chunk = parsed.chunk();
		ScopeModel scopes = parsed.scopes();
		this.text = text;
		this.fileName = fileName;
		this.chunk = chunk;
		this.scopes = scopes;
		this.config = config;
		this.firmware = firmware;
		this.lines = new LuaLineMap(text);
		this.findings = findings;
	}

	/**
	 * A context for asking about a parsed file (what a name refers to, which firmware object a
	 * value is) without linting it: editors' services use it; what would be reported is dropped.
	 */
	public static LintContext forQueries(String fileName, String text, pearl.lua.LuaSources.Parsed parsed, FirmwareModel firmware) {
		return new LintContext(fileName, text, parsed, new LintConfig(), firmware, new Linter.Findings());
	}

	/** The file's name as the user gave it. */
	public String fileName() {
		return fileName;
	}

	/** The file's syntax tree (without syntax errors). */
	public Chunk chunk() {
		return chunk;
	}

	/** Where the file's names point. */
	public ScopeModel scopes() {
		return scopes;
	}

	/** The project's configuration. */
	public LintConfig config() {
		return config;
	}

	/** The firmware of the board the project targets (narrowed to its profile). */
	public FirmwareModel firmware() {
		return firmware;
	}

	/** What a global-rooted path expression ({@code tmr.create}, {@code io}) is on the board, if it is one. */
	public Optional<LookupResult> lookup(EObject expression) {
		return Expressions.staticPath(expression, scopes).map(firmware::lookup);
	}

	/** Every maximal global-rooted path of the file with what it is on the board, in source order. */
	public List<PathUse> pathUses() {
		if (pathUses == null) {
			pathUses = PathUses.of(elements(), scopes, firmware);
		}
		return pathUses;
	}

	/** Every element of the tree in source order, collected once for all rules (EMF's tree walk is not cheap). */
	public List<EObject> elements() {
		return elements;
	}

	/** The firmware object type of an expression's value ({@code tmr.timer} for a local set from {@code tmr.create()}), if known. */
	public Optional<ObjectType> objectTypeOf(EObject expression) {
		return objectTypes().of(expression);
	}

	/**
	 * The firmware object type of a local's value, by the same rules as {@link #objectTypeOf(EObject)}:
	 * for completion after {@code t:} where the text being typed has no syntax element yet.
	 */
	public Optional<ObjectType> objectTypeOf(pearl.lua.scope.LocalVariable local) {
		return objectTypes().localValue(local);
	}

	/** The firmware object type of a global the file sets exactly once, as {@link #objectTypeOf(EObject)} finds it. */
	public Optional<ObjectType> objectTypeOfGlobal(String name) {
		return objectTypes().globalValue(name);
	}

	private ObjectTypes objectTypes() {
		if (objectTypes == null) {
			objectTypes = new ObjectTypes(this);
		}
		return objectTypes;
	}

	/**
	 * The firmware object a callback registered on an object ({@code t:alarm(ms, mode, fn)},
	 * {@code sck:on("receive", fn)}) gets as its first argument: that object for most, the new
	 * connection for a server's {@code listen}; empty when {@code callback} is not registered on
	 * an object of a known type.
	 */
	public Optional<ObjectType> callbackArgumentType(pearl.lua.lua.FunctionBody callback) {
		if (objectTypes == null) {
			objectTypes = new ObjectTypes(this);
		}
		return objectTypes.callbackOwner(callback);
	}

	/** Reports a finding of {@code rule} on the whole of {@code object}, about {@code subject} (or null). */
	public void report(LintRule rule, EObject object, String subject, String message) {
		INode node = NodeModelUtils.findActualNodeFor(object);
		if (node != null) {
			report(rule, node.getOffset(), node.getLength(), subject, message);
		}
	}

	/** Reports a finding on one attribute of {@code owner} ({@code index} for a list, else -1). */
	public void report(LintRule rule, EObject owner, EStructuralFeature feature, int index, String subject, String message) {
		SourceRegions.of(owner, feature, index).ifPresent(node -> report(rule, node.getOffset(), node.getLength(), subject, message));
	}

	/** Reports a finding at a use of a name, about that name. */
	public void report(LintRule rule, NameUse use, String message) {
		report(rule, use.owner(), use.feature(), use.index(), use.name(), message);
	}

	/**
	 * Reports a read of a global that this file does not define; dropped at the end of the run
	 * when another linted file sets that global.
	 */
	public void reportUndefinedGlobal(LintRule rule, NameUse use, String message) {
		SourceRegions.of(use)
				.ifPresent(node -> findings.addUnlessDefined(use.name(), issue(rule, node.getOffset(), node.getLength(), use.name(), message)));
	}

	/** Reports a finding on a range of the text, about {@code subject} (or null). */
	public void report(LintRule rule, int offset, int length, String subject, String message) {
		LintIssue issue = issue(rule, offset, length, subject, message);
		if (issue != null) {
			findings.add(issue);
		}
	}

	private LintIssue issue(LintRule rule, int offset, int length, String subject, String message) {
		Optional<Severity> severity = config.severityOf(rule);
		if (severity.isEmpty()) {
			return null;
		}
		int end = offset + Math.max(length, 1);
		LintIssue issue = new LintIssue(fileName, lines.line(offset), lines.column(offset), lines.line(end - 1), lines.column(end - 1) + 1,
				severity.get(), rule.code(), message, subject);
		return inline().isSuppressed(issue, config) || declaredInline(issue) ? null : issue;
	}

	private InlineOptions inline() {
		if (inline == null) {
			inline = InlineOptions.parse(text);
		}
		return inline;
	}

	/** {@code -- luacheck: globals x} (or {@code read globals x}) where the finding is. */
	private boolean declaredInline(LintIssue issue) {
		if (issue.subject() == null) {
			return false;
		}
		return switch (issue.code()) {
		case "global-write" -> inline().globalsAt(issue.line()).contains(issue.subject());
		case "global-read" -> inline().globalsAt(issue.line()).contains(issue.subject())
				|| inline().readGlobalsAt(issue.line()).contains(issue.subject());
		default -> false;
		};
	}
}
