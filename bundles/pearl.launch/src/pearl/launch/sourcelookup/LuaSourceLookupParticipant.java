package pearl.launch.sourcelookup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupParticipant;

import pearl.launch.model.DapStackFrame;

/**
 * Source of a Lua frame: the adapter names the file by its path on disk, which is a workspace file
 * when the project is in the workspace; otherwise the source containers are searched by the
 * file's name within the project.
 */
public final class LuaSourceLookupParticipant extends AbstractSourceLookupParticipant {

    @Override
    public String getSourceName(Object object) throws CoreException {
        return object instanceof DapStackFrame frame && !frame.isTaskFrame() ? frame.getSourceName() : null;
    }

    @Override
    public Object[] findSourceElements(Object object) throws CoreException {
        if (object instanceof DapStackFrame frame && frame.getSourcePath() != null) {
            IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new File(frame.getSourcePath()).toURI());
            List<IFile> existing = new ArrayList<>();
            for (IFile f : files) {
                if (f.exists()) {
                    existing.add(f);
                }
            }
            if (!existing.isEmpty()) {
                return existing.toArray();
            }
        }
        return super.findSourceElements(object);
    }
}
