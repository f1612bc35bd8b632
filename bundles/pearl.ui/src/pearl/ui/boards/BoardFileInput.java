package pearl.ui.boards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;
import org.eclipse.ui.PlatformUI;

/** A file as read from a board, for an editor: read-only, since editing it would not reach the board. */
final class BoardFileInput extends PlatformObject implements IStorageEditorInput {

    private final String board;
    private final Content content;

    /** File {@code name} of the board labelled {@code board}, holding {@code bytes}. */
    BoardFileInput(String board, String name, byte[] bytes) {
        this.board = board;
        this.content = new Content(name, bytes.clone());
    }

    @Override
    public IStorage getStorage() {
        return content;
    }

    @Override
    public boolean exists() {
        return false; // not in the history of recently opened files: the board may be gone
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return PlatformUI.getWorkbench().getEditorRegistry().getImageDescriptor(content.name);
    }

    /** The tab's title: marked, so the board's copy is not taken for the project's file of that name. */
    @Override
    public String getName() {
        return content.name + " (board)";
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return content.name + " on " + board + " (read-only)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoardFileInput input && input.board.equals(board) && input.content.name.equals(content.name)
                && java.util.Arrays.equals(input.content.bytes, content.bytes);
    }

    @Override
    public int hashCode() {
        return board.hashCode() * 31 + content.name.hashCode();
    }

    /** The bytes as read. */
    private static final class Content extends PlatformObject implements IStorage {
        private final String name;
        private final byte[] bytes;

        Content(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        public InputStream getContents() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public IPath getFullPath() {
            return null;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }
    }
}
