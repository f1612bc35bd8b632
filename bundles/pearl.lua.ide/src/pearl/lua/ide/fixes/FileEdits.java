package pearl.lua.ide.fixes;

import java.util.List;

import pearl.lua.ide.model.TextEdit;

/**
 * The edits a fix makes to one file.
 *
 * @param fileName   the file, as a path
 * @param edits      edits that do not overlap, with offsets into the file's current text (into an
 *                   empty text when the file is created)
 * @param createFile whether the file does not exist yet and is created, empty, before the edits
 */
public record FileEdits(String fileName, List<TextEdit> edits, boolean createFile) {

	/** Copies the list. */
	public FileEdits {
		edits = List.copyOf(edits);
	}
}
