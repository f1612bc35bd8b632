package pearl.lua.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/** The value converters of Lua's terminals: string literals hold the string they denote. One per language. */
@Singleton
public class LuaValueConverters extends DefaultTerminalConverters {

	@Inject
	private LuaStringValueConverter stringConverter;

	@Override
	@ValueConverter(rule = "STRING")
	public IValueConverter<String> STRING() {
		return stringConverter;
	}
}
