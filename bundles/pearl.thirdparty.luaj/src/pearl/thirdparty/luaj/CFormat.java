package pearl.thirdparty.luaj;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C {@code printf} conversions as the board's C library performs them, for Lua 5.1's number text
 * ({@code %.14g}) and {@code string.format}. Digits come from the exact binary value of the double,
 * rounded half to even, as glibc and newlib do, so the text matches C byte for byte.
 */
public final class CFormat {

    /** One conversion: flags from {@code "-+ #0"}, width and precision (-1 when absent). */
    public record Spec(String flags, int width, int precision, char conversion) {
        boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }

    private static final double PLAIN_INTEGER_LIMIT = 1e14;

    private CFormat() {
    }

    /** A number as Lua 5.1 writes it: {@code %.14g}. */
    public static String luaNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < PLAIN_INTEGER_LIMIT) {
            // the common case: an integral value that %.14g writes in full
            return v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v);
        }
        return floating(v, new Spec("", -1, 14, 'g'));
    }

    /** {@code %e %E %f %F %g %G} of {@code v}. */
    public static String floating(double v, Spec spec) {
        boolean upper = Character.isUpperCase(spec.conversion());
        boolean negative = v < 0 || (v == 0 && 1 / v < 0) || (Double.isNaN(v) && Double.doubleToRawLongBits(v) < 0);
        String body;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            body = Double.isNaN(v) ? "nan" : "inf";
            if (upper) {
                body = body.toUpperCase();
            }
            return pad(sign(negative, spec) + body, spec, false);
        }
        int precision = spec.precision() < 0 ? 6 : spec.precision();
        BigDecimal magnitude = new BigDecimal(Math.abs(v));
        boolean alt = spec.has('#');
        switch (Character.toLowerCase(spec.conversion())) {
            case 'e' -> body = exponential(magnitude, precision, alt);
            case 'f' -> body = fixed(magnitude, precision, alt);
            case 'g' -> body = general(magnitude, precision == 0 ? 1 : precision, alt);
            default -> throw new IllegalArgumentException("not a floating conversion: " + spec.conversion());
        }
        if (upper) {
            body = body.toUpperCase();
        }
        return pad(sign(negative, spec) + body, spec, true);
    }

    /**
     * {@code %d %i %o %u %x %X} of {@code v}; the caller has already converted the Lua number to
     * the C integer type of the board.
     */
    public static String integer(long v, Spec spec) {
        char c = spec.conversion();
        boolean signed = c == 'd' || c == 'i';
        String digits;
        String prefix = "";
        if (signed) {
            digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(v));
            prefix = sign(v < 0, spec);
        } else {
            BigInteger unsigned = new BigInteger(Long.toUnsignedString(v));
            digits = unsigned.toString(c == 'o' ? 8 : c == 'u' ? 10 : 16);
            if (c == 'X') {
                digits = digits.toUpperCase();
            }
            if (spec.has('#') && c != 'u') {
                if (c == 'o' && !digits.startsWith("0")) {
                    digits = "0" + digits;
                } else if ((c == 'x' || c == 'X') && v != 0) {
                    prefix = c == 'x' ? "0x" : "0X";
                }
            }
        }
        if (spec.precision() >= 0) {
            if (spec.precision() == 0 && v == 0 && !(c == 'o' && spec.has('#'))) {
                digits = "";
            }
            digits = "0".repeat(Math.max(0, spec.precision() - digits.length())) + digits;
        }
        // with a precision, the 0 flag is ignored for integers
        return pad(prefix, digits, spec, spec.precision() < 0);
    }

    /** {@code %s} and {@code %c}: precision cuts a string, width pads it. */
    public static String text(String s, Spec spec) {
        String cut = spec.precision() >= 0 && spec.precision() < s.length() ? s.substring(0, spec.precision()) : s;
        return pad(cut, spec, false);
    }

    private static String sign(boolean negative, Spec spec) {
        return negative ? "-" : spec.has('+') ? "+" : spec.has(' ') ? " " : "";
    }

    private static String pad(String s, Spec spec, boolean zeroAllowed) {
        int sign = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
        return pad(s.substring(0, sign), s.substring(sign), spec, zeroAllowed);
    }

    private static String pad(String prefix, String digits, Spec spec, boolean zeroAllowed) {
        int fill = spec.width() - prefix.length() - digits.length();
        if (fill <= 0) {
            return prefix + digits;
        }
        if (spec.has('-')) {
            return prefix + digits + " ".repeat(fill);
        }
        if (zeroAllowed && spec.has('0')) {
            return prefix + "0".repeat(fill) + digits;
        }
        return " ".repeat(fill) + prefix + digits;
    }

    private static String exponential(BigDecimal magnitude, int precision, boolean alt) {
        int exponent;
        String digits;
        if (magnitude.signum() == 0) {
            exponent = 0;
            digits = "0".repeat(precision + 1);
        } else {
            BigDecimal rounded = magnitude.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (precision > 0 || alt) {
            out.append('.');
        }
        out.append(digits, 1, digits.length()).append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        return out.append(e < 10 ? "0" : "").append(e).toString();
    }

    private static String fixed(BigDecimal magnitude, int precision, boolean alt) {
        String s = magnitude.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alt ? s + "." : s;
    }

    private static String general(BigDecimal magnitude, int precision, boolean alt) {
        int exponent = 0;
        if (magnitude.signum() != 0) {
            BigDecimal rounded = magnitude.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - 1 - rounded.scale();
        }
        String s = exponent < -4 || exponent >= precision
                ? exponential(magnitude, precision - 1, alt)
                : fixed(magnitude, precision - 1 - exponent, alt);
        if (alt) {
            return s;
        }
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
