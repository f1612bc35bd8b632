package pearl.lua.ui.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** A NodeMCU project: its Lua files are linted by {@link LuaBuilder}, which the nature adds and removes. */
public final class NodeMcuNature implements IProjectNature {

	/** The nature's id in {@code plugin.xml}. */
	public static final String ID = "pearl.lua.ui.nodemcuNature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		if (commands.stream().noneMatch(NodeMcuNature::isLuaBuilder)) {
			ICommand command = description.newCommand();
			command.setBuilderName(LuaBuilder.ID);
			commands.add(command);
			description.setBuildSpec(commands.toArray(new ICommand[0]));
			project.setDescription(description, null);
		}
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		if (commands.removeIf(NodeMcuNature::isLuaBuilder)) {
			description.setBuildSpec(commands.toArray(new ICommand[0]));
			project.setDescription(description, null);
		}
		project.deleteMarkers(ProblemMarkers.TYPE, true, IProject.DEPTH_INFINITE);
	}

	private static boolean isLuaBuilder(ICommand command) {
		return LuaBuilder.ID.equals(command.getBuilderName());
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
