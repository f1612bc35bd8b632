package pearl.lua.ide.hover;

import java.util.Optional;

import pearl.lua.ide.model.LuaDocument;
import pearl.lua.ide.model.LuaProject;
import pearl.lua.ide.navigation.CaretTarget;
import pearl.lua.lua.MethodCall;

/**
 * Hovers: what the name at the caret is. Firmware functions, methods, constants and modules get
 * their documentation from the firmware data file; the script's locals their kind and
 * declaration; its globals the places the project sets them; the string of a {@code require} the
 * file it loads.
 */
public final class LuaHovers {

	/** A hover service; it keeps no state between calls. */
	public LuaHovers() {
	}

	/**
	 * The hover for the token at (or just before) {@code offset}.
	 *
	 * @param project the project the document belongs to, or null to look in the document only
	 * @return empty on keywords, operators, comments, white space and names nothing is known about
	 */
	public Optional<HoverInfo> hover(LuaDocument document, LuaProject project, int offset) {
		if (document == null) {
			return Optional.empty();
		}
		return CaretTarget.at(document, offset).flatMap(target -> markdown(document, project, target).map(text -> new HoverInfo(target.range(), text)));
	}

	private static Optional<String> markdown(LuaDocument document, LuaProject project, CaretTarget target) {
		if (target instanceof CaretTarget.Local local) {
			return Optional.of(VariableHover.local(document, local));
		}
		if (target instanceof CaretTarget.Global global) {
			// a firmware global (print, tmr) unless the name is none of the firmware's
			return Optional.of(document.queries().lookup(global.expression()).flatMap(FirmwareHover::of)
					.orElseGet(() -> VariableHover.global(document, project, global.name())));
		}
		if (target instanceof CaretTarget.Member member) {
			return document.queries().lookup(member.access()).flatMap(FirmwareHover::of);
		}
		if (target instanceof CaretTarget.Method method) {
			return method(document, method.call());
		}
		if (target instanceof CaretTarget.LoadedFile file) {
			return Optional.of(loadedFile(project, file));
		}
		return Optional.empty();
	}

	/** A method of a firmware object, when the receiver's type is known ({@code t:alarm} with {@code t = tmr.create()}). */
	private static Optional<String> method(LuaDocument document, MethodCall call) {
		if (call.getName() == null) {
			return Optional.empty();
		}
		return document.queries().objectTypeOf(call.getReceiver())
				.map(type -> type.method(call.getName()).map(FirmwareHover::function).orElseGet(() -> FirmwareHover.missingMethod(type, call.getName())));
	}

	private static String loadedFile(LuaProject project, CaretTarget.LoadedFile file) {
		String call = file.loader() + "(\"" + file.argument() + "\")";
		return file.resolve(project)
				.map(module -> new Markdown().code(call).paragraph("Loads " + Markdown.inline(project.relativeName(module.fileName()))).toString())
				.orElseGet(() -> new Markdown().code(call).paragraph("No file of the project is loaded by this name.").toString());
	}
}
