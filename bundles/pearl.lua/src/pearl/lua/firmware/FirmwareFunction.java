package pearl.lua.firmware;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A function of the firmware: a base function ({@code print}), a library or module function
 * ({@code tmr.create}) or a method of an object type ({@code tmr.timer:register}).
 *
 * <p>The arity rules the linter applies come from here: a call needs at least
 * {@link #minArgs()} arguments and at most {@link #maxArgs()} (none when {@link #isVararg()}).
 * Where the firmware accepts several call forms (such as {@code node.random()},
 * {@code node.random(n)} and {@code node.random(l, u)}) the parameters are chosen so that every
 * documented form fits, and the documentation says so.
 */
public final class FirmwareFunction {

	private final String name;
	private final String qualifiedName;
	private final List<Parameter> params;
	private final boolean vararg;
	private final List<String> returns;
	private final String doc;
	private final List<String> errors;
	private final String deprecated;
	private final String buildOption;

	/**
	 * Creates a function description; normally only the data file reader does this.
	 *
	 * @param name          the key in its table, e.g. {@code create}
	 * @param qualifiedName the full name, e.g. {@code tmr.create} or {@code tmr.timer:register}
	 * @param params        the parameters (without {@code self} for methods)
	 * @param vararg        whether any number of further arguments is accepted
	 * @param returns       the result types in order (see {@link FirmwareTypes})
	 * @param doc           one or two sentences
	 * @param errors        the error messages the firmware raises, as in its source
	 * @param deprecated    what to use instead when the function is deprecated, else {@code null}
	 * @param buildOption   the build option the function depends on, else {@code null}
	 */
	public FirmwareFunction(String name, String qualifiedName, List<Parameter> params, boolean vararg, List<String> returns, String doc,
			List<String> errors, String deprecated, String buildOption) {
		this.name = Objects.requireNonNull(name);
		this.qualifiedName = Objects.requireNonNull(qualifiedName);
		this.params = List.copyOf(params);
		this.vararg = vararg;
		this.returns = List.copyOf(returns);
		this.doc = Objects.requireNonNull(doc);
		this.errors = List.copyOf(errors);
		this.deprecated = deprecated;
		this.buildOption = buildOption;
	}

	/** The key in its table, e.g. {@code create}. */
	public String name() {
		return name;
	}

	/** The full name, e.g. {@code tmr.create}, {@code print} or {@code tmr.timer:register}. */
	public String qualifiedName() {
		return qualifiedName;
	}

	/** The parameters in order; methods do not list {@code self}. */
	public List<Parameter> params() {
		return params;
	}

	/** Whether any number of arguments may follow the listed parameters. */
	public boolean isVararg() {
		return vararg;
	}

	/** The fewest arguments a correct call passes: the number of required parameters. */
	public int minArgs() {
		int count = 0;
		for (Parameter parameter : params) {
			if (!parameter.optional()) {
				count++;
			}
		}
		return count;
	}

	/** The most arguments a correct call passes, or empty when there is no limit. */
	public OptionalInt maxArgs() {
		return vararg ? OptionalInt.empty() : OptionalInt.of(params.size());
	}

	/** Whether a call with {@code count} arguments has an acceptable number of them. */
	public boolean acceptsArgumentCount(int count) {
		return count >= minArgs() && (vararg || count <= params.size());
	}

	/** The types of the results in order; empty when the function returns nothing. */
	public List<String> returns() {
		return returns;
	}

	/** One or two sentences for hovers and completion. */
	public String doc() {
		return doc;
	}

	/** The error messages the firmware raises from this function, as written in its source. */
	public List<String> errors() {
		return errors;
	}

	/** What to use instead, when the function still exists but is deprecated. */
	public Optional<String> deprecated() {
		return Optional.ofNullable(deprecated);
	}

	/** The build option this function needs, when it is not in every build of its module. */
	public Optional<String> buildOption() {
		return Optional.ofNullable(buildOption);
	}

	/** A signature for display: {@code tmr.create()}, {@code node.random([n_or_l], [u])}. */
	public String signature() {
		StringBuilder text = new StringBuilder(qualifiedName).append('(');
		for (int i = 0; i < params.size(); i++) {
			if (i > 0) {
				text.append(", ");
			}
			text.append(params.get(i));
		}
		if (vararg) {
			text.append(params.isEmpty() ? "..." : ", ...");
		}
		return text.append(')').toString();
	}

	/** A copy whose documentation ends with {@code note}; used for integer builds. */
	FirmwareFunction withNote(String note) {
		return new FirmwareFunction(name, qualifiedName, params, vararg, returns, doc + " " + note, errors, deprecated, buildOption);
	}

	@Override
	public String toString() {
		return signature();
	}
}
