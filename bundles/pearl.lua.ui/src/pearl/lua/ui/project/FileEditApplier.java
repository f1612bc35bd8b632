package pearl.lua.ui.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;

import pearl.lua.ide.fixes.FileEdits;
import pearl.lua.ide.fixes.QuickFix;
import pearl.lua.ide.model.TextEdit;

/**
 * Applies a quick fix of the language services ({@link QuickFix}) to the files it edits, through
 * Eclipse's text file buffers, as a user expects: a file open in an editor changes in the editor
 * (its buffer becomes dirty, one undo step, the user saves it), a file no editor has open is
 * written to disk at once. A file the fix creates (a new {@code .luacheckrc}) is created empty
 * first. Files inside the workspace are edited as workspace resources, so builders see the change;
 * files outside it by their location. Used by the Problems view's quick fixes and the editor's
 * quick assist; call it on the UI thread, since an open editor's document may change.
 */
public final class FileEditApplier {

	private FileEditApplier() {
	}

	/** Applies every file's edits of {@code fix}; stops at the first file that cannot be edited. */
	public static void apply(QuickFix fix) throws CoreException {
		for (FileEdits edits : fix.changes()) {
			apply(fix.title(), edits);
		}
	}

	private static void apply(String title, FileEdits edits) throws CoreException {
		IPath location = IPath.fromOSString(edits.fileName());
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(location);
		IPath path = file == null ? location : file.getFullPath();
		LocationKind kind = file == null ? LocationKind.LOCATION : LocationKind.IFILE;
		if (edits.createFile()) {
			create(file, location);
		}
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		boolean openElsewhere = buffers.getTextFileBuffer(path, kind) != null;
		buffers.connect(path, kind, null);
		try {
			ITextFileBuffer buffer = buffers.getTextFileBuffer(path, kind);
			MultiTextEdit all = new MultiTextEdit();
			for (TextEdit edit : edits.edits()) {
				all.addChild(new ReplaceEdit(edit.range().offset(), edit.range().length(), edit.newText()));
			}
			all.apply(buffer.getDocument());
			if (!openElsewhere) {
				buffer.commit(null, false);
			}
		} catch (MalformedTreeException | BadLocationException e) {
			throw new CoreException(Status.error("'" + title + "' no longer fits the text of " + edits.fileName()
					+ " (it changed since the fix was computed): " + e.getMessage(), e));
		} finally {
			buffers.disconnect(path, kind, null);
		}
	}

	private static void create(IFile file, IPath location) throws CoreException {
		if (file != null && !file.exists()) {
			file.create(new ByteArrayInputStream(new byte[0]), false, null);
		} else if (file == null && !location.toFile().exists()) {
			try {
				Files.createFile(Path.of(location.toOSString()));
			} catch (IOException e) {
				throw new CoreException(Status.error("Cannot create " + location.toOSString() + ": " + e.getMessage(), e));
			}
		}
	}
}
