package pearl.lua.ui.project;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Configure &gt; Convert to NodeMCU Project: adds the NodeMCU nature to the selected projects. */
public final class ConvertToNodeMcuProjectHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection structured) {
			for (Object element : structured) {
				IProject project = Adapters.adapt(element, IProject.class);
				if (project != null && project.isOpen()) {
					try {
						NodeMcuProjects.addNature(project, null);
					} catch (CoreException e) {
						throw new ExecutionException("Cannot make " + project.getName() + " a NodeMCU project: " + e.getMessage(), e);
					}
				}
			}
		}
		return null;
	}
}
