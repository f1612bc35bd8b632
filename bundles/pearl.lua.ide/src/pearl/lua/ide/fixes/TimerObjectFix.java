package pearl.lua.ide.fixes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.ide.model.TextEdit;
import pearl.lua.ide.model.TextRange;
import pearl.lua.lint.Expressions;
import pearl.lua.lua.Block;
import pearl.lua.lua.FunctionCall;

/**
 * "Use a tmr.create() timer" for {@code removed-api} on the static timers: {@code tmr.alarm(id,
 * interval, mode, fn)} becomes {@code tmr.create():alarm(interval, mode, fn)} when nothing else
 * uses that id; when other static calls use it ({@code tmr.stop(id)}, {@code tmr.start(id)}...),
 * a {@code local t = tmr.create()} is declared where all of them see it and each call becomes a
 * method call on {@code t}. Offered when the id's calls include an {@code alarm} or
 * {@code register} and the timer object has every method they need.
 */
final class TimerObjectFix {

	/** The firmware function that replaces the static timers. */
	private static final String CREATE = "tmr.create";
	/** The static calls that give a timer its callback: without one there is nothing to migrate. */
	private static final Set<String> ARMING = Set.of("alarm", "register");

	/** One old static timer call: the call, its function's name, its id argument's text. */
	private record StaticCall(FunctionCall call, String method, String id) {
	}

	private TimerObjectFix() {
	}

	static Optional<QuickFix> of(FixSite site) {
		Optional<ObjectType> timer = timerType(site);
		if (timer.isEmpty() || site.document.chunk() == null) {
			return Optional.empty();
		}
		List<StaticCall> all = new ArrayList<>();
		for (var it = site.document.chunk().eAllContents(); it.hasNext();) {
			if (it.next() instanceof FunctionCall call) {
				staticCall(site, call).ifPresent(all::add);
			}
		}
		StaticCall found = all.stream().filter(c -> site.range(c.call().getFunction()).offset() == site.offset).findFirst().orElse(null);
		if (found == null) {
			return Optional.empty();
		}
		List<StaticCall> group = all.stream().filter(c -> c.id().equals(found.id()))
				.sorted(Comparator.comparingInt(c -> site.range(c.call()).offset())).toList();
		if (group.stream().noneMatch(c -> ARMING.contains(c.method()))
				|| group.stream().anyMatch(c -> timer.get().method(c.method()).isEmpty())) {
			return Optional.empty();
		}
		String title = "Use a " + CREATE + "() timer";
		if (group.size() == 1) {
			return Optional.of(site.fix(title, List.of(asMethodCall(site, found, CREATE + "()")), true));
		}
		Block block = FixSite.commonBlock(group.stream().map(c -> (EObject) c.call()).toList());
		EObject anchor = block == null ? null : FixSite.statementIn(block, group.get(0).call());
		if (anchor == null) {
			return Optional.empty();
		}
		String name = site.freshName("t", "timer");
		List<TextEdit> edits = new ArrayList<>();
		edits.add(site.lineBefore(anchor, "local " + name + " = " + CREATE + "()"));
		group.forEach(c -> edits.add(asMethodCall(site, c, name)));
		return Optional.of(site.fix(title, edits, true));
	}

	/** The type of what tmr.create() returns, from the firmware data. */
	private static Optional<ObjectType> timerType(FixSite site) {
		if (site.document.firmware().lookup(CREATE) instanceof LookupResult.Function create && !create.function().returns().isEmpty()) {
			return site.document.firmware().objectType(create.function().returns().get(0));
		}
		return Optional.empty();
	}

	/** {@code tmr.stop(id)} and the like: a removed function of tmr.create's module, called with an id in parentheses. */
	private static Optional<StaticCall> staticCall(FixSite site, FunctionCall call) {
		String module = CREATE.substring(0, CREATE.indexOf('.') + 1);
		Optional<String> path = Expressions.staticPath(call.getFunction(), site.document.scopes());
		if (path.isEmpty() || !path.get().startsWith(module) || call.getArguments() == null
				|| call.getArguments().getValues().isEmpty() || !site.document.text().startsWith("(", site.range(call.getArguments()).offset())
				|| !(site.document.firmware().lookup(path.get()) instanceof LookupResult.Removed)) {
			return Optional.empty();
		}
		EObject id = call.getArguments().getValues().get(0);
		String idText = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(id));
		return Optional.of(new StaticCall(call, path.get().substring(module.length()), idText));
	}

	/** {@code tmr.m(id, a, b)} becomes {@code receiver:m(a, b)}: the text up to the second argument is replaced. */
	private static TextEdit asMethodCall(FixSite site, StaticCall call, String receiver) {
		List<? extends EObject> arguments = call.call().getArguments().getValues();
		int start = site.range(call.call().getFunction()).offset();
		int end = arguments.size() > 1 ? site.range(arguments.get(1)).offset() : site.range(call.call().getArguments()).end() - 1;
		return new TextEdit(new TextRange(start, end - start), receiver + ":" + call.method() + "(");
	}
}
