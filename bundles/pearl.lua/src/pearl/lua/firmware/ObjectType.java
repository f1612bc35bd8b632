package pearl.lua.firmware;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of object the firmware hands out, named as its metatable is registered: {@code tmr.timer},
 * {@code net.tcpsocket}, {@code file.obj}, {@code mqtt.client}, {@code pipe} ... Its methods are
 * called with {@code :}; objects whose {@code :on(event, fn)} takes named events list them.
 */
public final class ObjectType {

	private final String name;
	private final String doc;
	private final Map<String, FirmwareFunction> methods;
	private final Map<String, ObjectEvent> events;

	/** Creates an object type; normally only the data file reader does this. */
	public ObjectType(String name, String doc, Map<String, FirmwareFunction> methods, Map<String, ObjectEvent> events) {
		this.name = Objects.requireNonNull(name);
		this.doc = Objects.requireNonNull(doc);
		this.methods = FirmwareTable.frozen(methods);
		this.events = FirmwareTable.frozen(events);
	}

	/** The registered type name, e.g. {@code tmr.timer}. */
	public String name() {
		return name;
	}

	/** A description of the object. */
	public String doc() {
		return doc;
	}

	/** The methods by name, in the order of the data file. */
	public Map<String, FirmwareFunction> methods() {
		return methods;
	}

	/** The method {@code name}, if the object has it. */
	public Optional<FirmwareFunction> method(String name) {
		return Optional.ofNullable(methods.get(name));
	}

	/** The events of {@code :on(event, fn)} by name; empty when the object takes none. */
	public Map<String, ObjectEvent> events() {
		return events;
	}

	/** The event {@code name}, if {@code :on} accepts it. */
	public Optional<ObjectEvent> event(String name) {
		return Optional.ofNullable(events.get(name));
	}

	@Override
	public String toString() {
		return name;
	}
}
