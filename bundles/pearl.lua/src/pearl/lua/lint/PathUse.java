package pearl.lua.lint;

import org.eclipse.emf.ecore.EObject;

import pearl.lua.firmware.LookupResult;

/**
 * A global-rooted path in the code, as long as it goes ({@code tmr.create} in
 * {@code tmr.create()}, {@code string.trim} in {@code string.trim = f}), and what it is on the
 * board.
 *
 * @param expression the expression (or the {@code FunctionName} of {@code function a.b() end})
 * @param path       the dotted path
 * @param result     what the firmware says it is
 * @param written    whether the code assigns it rather than reads it
 */
public record PathUse(EObject expression, String path, LookupResult result, boolean written) {
}
