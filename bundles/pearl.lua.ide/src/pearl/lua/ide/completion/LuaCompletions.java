package pearl.lua.ide.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;

/**
 * Completion for NodeMCU Lua: what may be typed at a caret. Offers the locals, upvalues and
 * parameters in scope, the project's globals, the firmware's globals and modules, keywords and
 * NodeMCU snippets where a name is typed; a module's members after {@code tmr.} or
 * {@code wifi.sta.}; a firmware object's methods after {@code t:}; string methods after a string;
 * event names in {@code sock:on("}. Firmware names, signatures and docs come from the data file,
 * narrowed to the board profile. Works on unfinished code: what is before the caret is read from
 * its tokens, what is in scope from the part of the tree that parsed. Stateless and thread-safe.
 */
public final class LuaCompletions {

	/** Creates the service. */
	public LuaCompletions() {
	}

	/**
	 * The proposals at {@code offset}, best first, filtered by the partial word before it.
	 *
	 * @param document the file being edited
	 * @param project  the project it belongs to, for globals set in other files; may be null (a lone file)
	 * @param offset   the caret; clamped to the text
	 * @return the proposals; empty inside comments and strings (other than event names), never null
	 */
	public List<CompletionProposal> complete(LuaDocument document, LuaProject project, int offset) {
		if (document == null) {
			return List.of();
		}
		try {
			int caret = Math.max(0, Math.min(offset, document.text().length()));
			List<CompletionProposal> proposals = new CompletionRun(document, project, caret).proposals();
			return bestFirst(proposals);
		} catch (RuntimeException e) {
			// a half-typed file can surprise any analysis; no proposals beats a failed keystroke
			return List.of();
		}
	}

	/** Sorted by rank, one proposal per label (the best ranked). */
	private static List<CompletionProposal> bestFirst(List<CompletionProposal> proposals) {
		List<CompletionProposal> sorted = new ArrayList<>(proposals);
		sorted.sort(Comparator.comparing(CompletionProposal::sortText).thenComparing(CompletionProposal::label));
		Map<String, CompletionProposal> byLabel = new LinkedHashMap<>();
		for (CompletionProposal proposal : sorted) {
			byLabel.putIfAbsent(proposal.label(), proposal);
		}
		return List.copyOf(byLabel.values());
	}
}
