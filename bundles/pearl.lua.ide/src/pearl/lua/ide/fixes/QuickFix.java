package pearl.lua.ide.fixes;

import java.util.List;

/**
 * A code action for one lint finding.
 *
 * @param title     what the fix does, for a menu: {@code Make 'count' local}
 * @param lintCode  the code of the finding it fixes, e.g. {@code global-write}
 * @param changes   the edits, file by file (the document's own file, and maybe {@code .luacheckrc})
 * @param preferred whether this is the fix an editor applies on "fix all" or a single keystroke
 */
public record QuickFix(String title, String lintCode, List<FileEdits> changes, boolean preferred) {

	/** Copies the list. */
	public QuickFix {
		changes = List.copyOf(changes);
	}
}
