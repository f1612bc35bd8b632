package pearl.lua.firmware;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

/**
 * Reads a JSON document into a Gson tree, strictly. Gson's own tree parser is lenient (it accepts
 * comments, unquoted names, single quotes) and silently keeps the last of two equal keys. Our data
 * file is written by hand, so a repeated key is almost always a copy-and-paste slip that would
 * otherwise drop an API without a trace; this reader rejects it instead.
 */
final class StrictJson {

	private StrictJson() {
	}

	/**
	 * Parses one JSON value from {@code reader}.
	 *
	 * @throws FirmwareDataException if the text is not strict JSON or repeats a key in an object
	 * @throws UncheckedIOException  if reading fails for another reason
	 */
	static JsonElement parse(Reader reader, String source) {
		JsonReader in = new JsonReader(reader);
		in.setStrictness(Strictness.STRICT);
		try {
			JsonElement root = read(in, "$", source);
			if (in.peek() != JsonToken.END_DOCUMENT) {
				throw new FirmwareDataException(source, "$", "unexpected text after the end of the JSON document");
			}
			return root;
		} catch (MalformedJsonException | EOFException e) {
			throw new FirmwareDataException(source, null, "not valid JSON: " + plain(e.getMessage()), e);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + source, e);
		}
	}

	/**
	 * Gson's messages end in a troubleshooting link and may advise switching to lenient parsing;
	 * neither helps someone fixing a data or profile file, the position does.
	 */
	private static String plain(String gsonMessage) {
		String message = gsonMessage == null ? "unexpected end of input" : gsonMessage;
		int link = message.indexOf("\nSee ");
		if (link >= 0) {
			message = message.substring(0, link);
		}
		return message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON").trim();
	}

	private static JsonElement read(JsonReader in, String path, String source) throws IOException {
		switch (in.peek()) {
		case BEGIN_OBJECT: {
			JsonObject object = new JsonObject();
			in.beginObject();
			while (in.hasNext()) {
				String name = in.nextName();
				String childPath = JsonCursor.childPath(path, name);
				if (object.has(name)) {
					throw new FirmwareDataException(source, childPath, "key \"" + name + "\" appears twice in the same object");
				}
				object.add(name, read(in, childPath, source));
			}
			in.endObject();
			return object;
		}
		case BEGIN_ARRAY: {
			JsonArray array = new JsonArray();
			in.beginArray();
			while (in.hasNext()) {
				array.add(read(in, path + "[" + array.size() + "]", source));
			}
			in.endArray();
			return array;
		}
		case STRING:
			return new JsonPrimitive(in.nextString());
		case NUMBER:
			// BigDecimal keeps the literal exactly; callers decide between integer and float
			return new JsonPrimitive(new BigDecimal(in.nextString()));
		case BOOLEAN:
			return new JsonPrimitive(in.nextBoolean());
		case NULL:
			in.nextNull();
			return JsonNull.INSTANCE;
		default:
			throw new FirmwareDataException(source, path, "unexpected " + in.peek());
		}
	}
}
