package pearl.lua.ide.hover;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import pearl.lua.firmware.FirmwareConstant;
import pearl.lua.firmware.FirmwareField;
import pearl.lua.firmware.FirmwareFunction;
import pearl.lua.firmware.FirmwareTable;
import pearl.lua.firmware.LookupResult;
import pearl.lua.firmware.ObjectType;
import pearl.lua.firmware.Parameter;

/** Hover text for what the firmware provides (or once did), written from the firmware data file only. */
final class FirmwareHover {

	private FirmwareHover() {
	}

	/** The text for a looked-up path; empty when the path is none of the firmware's. */
	static Optional<String> of(LookupResult result) {
		if (result instanceof LookupResult.Function function) {
			return Optional.of(function(function.function()));
		}
		if (result instanceof LookupResult.Table table) {
			return Optional.of(table(table.table()));
		}
		if (result instanceof LookupResult.Constant constant) {
			return Optional.of(constant(constant.constant()));
		}
		if (result instanceof LookupResult.Field field) {
			return Optional.of(field(field.field()));
		}
		if (result instanceof LookupResult.Removed removed) {
			return Optional.of(new Markdown().code(removed.path())
					.paragraph("**Removed from the firmware**: reading it gives nil. " + removed.api().note())
					.paragraph("Use instead: " + Markdown.inline(removed.api().replacement())).toString());
		}
		if (result instanceof LookupResult.Absent absent) {
			return Optional.of(new Markdown().code(absent.path()).paragraph("**Not on NodeMCU**: " + absent.api().message()).toString());
		}
		if (result instanceof LookupResult.NotInBuild notInBuild) {
			return Optional.of(new Markdown().code(notInBuild.path())
					.paragraph("Firmware module " + Markdown.inline(notInBuild.module()) + " is **not in this board's build**: reading it gives nil.")
					.toString());
		}
		if (result instanceof LookupResult.Undescribed undescribed) {
			return Optional.of(new Markdown().code(undescribed.path())
					.paragraph("In firmware module " + Markdown.inline(undescribed.module()) + ", whose functions are not described.").toString());
		}
		if (result instanceof LookupResult.UnknownMember unknown && unknown.table().isRom()) {
			return Optional.of(new Markdown().code(unknown.path())
					.paragraph(Markdown.inline(unknown.tablePath()) + " has no member " + Markdown.inline(unknown.member()) + ": reading it gives nil.")
					.toString());
		}
		return Optional.empty();
	}

	/** A function or method: signature, doc, parameters, results and notes. */
	static String function(FirmwareFunction function) {
		Markdown text = new Markdown().code(function.signature()).paragraph(function.doc());
		if (!function.params().isEmpty()) {
			text.paragraph("**Parameters**");
			for (Parameter parameter : function.params()) {
				text.item(parameter(parameter));
			}
			if (function.isVararg()) {
				text.item("`...` any further arguments");
			}
		}
		if (!function.returns().isEmpty()) {
			text.paragraph("**Returns** " + function.returns().stream().map(Markdown::inline).collect(Collectors.joining(", ")));
		}
		function.deprecated().ifPresent(instead -> text.paragraph("**Deprecated**: " + instead + "."));
		function.buildOption().ifPresent(option -> text.paragraph("**Build option**: " + option + "."));
		errors(text, function.errors());
		return text.toString();
	}

	/** A method an object type does not have. */
	static String missingMethod(ObjectType type, String name) {
		return new Markdown().code(type.name() + ":" + name)
				.paragraph(Markdown.inline(type.name()) + " has no method " + Markdown.inline(name) + ": calling it fails with \"attempt to call method\".")
				.toString();
	}

	private static String parameter(Parameter parameter) {
		String type = parameter.isCallback() ? "function(" + String.join(", ", parameter.callback()) + ")" : parameter.type();
		return Markdown.inline(parameter.name()) + ": " + Markdown.inline(type) + (parameter.optional() ? " (optional)" : "");
	}

	private static String table(FirmwareTable table) {
		String what = switch (table.kind()) {
		case LIBRARY -> "standard library";
		case MODULE -> "firmware module";
		case SUBTABLE -> "table";
		};
		Markdown text = new Markdown().code(table.path()).paragraph("**" + what + "** " + Markdown.inline(table.path()) + ": " + table.doc());
		if (table.kind() == FirmwareTable.Kind.MODULE && !table.isInDefaultBuild() && !table.isAlwaysOn()) {
			text.paragraph("Not in the default firmware build: select it when building the firmware.");
		}
		if (!table.functions().isEmpty()) {
			text.paragraph("**Functions**: " + table.functions().keySet().stream().map(Markdown::inline).collect(Collectors.joining(", ")));
		}
		table.buildOption().ifPresent(option -> text.paragraph("**Build option**: " + option + "."));
		errors(text, table.errors());
		return text.toString();
	}

	private static String constant(FirmwareConstant constant) {
		String value = constant.hasValue() ? " = " + (constant.value() instanceof String s ? "\"" + s + "\"" : constant.value()) : "";
		return new Markdown().code(constant.path() + value).paragraph("**constant** (" + constant.type() + ")").paragraph(constant.doc()).toString();
	}

	private static String field(FirmwareField field) {
		return new Markdown().code(field.path()).paragraph("**" + field.type() + "**" + (field.rom() ? " (read-only)" : "")).paragraph(field.doc())
				.toString();
	}

	private static void errors(Markdown text, List<String> errors) {
		if (!errors.isEmpty()) {
			text.paragraph("**Raises**: " + errors.stream().map(Markdown::inline).collect(Collectors.joining(", ")));
		}
	}
}
