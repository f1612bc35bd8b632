package pearl.emulator;

/** A timer's mode, numbered as {@code tmr.ALARM_SINGLE}, {@code tmr.ALARM_AUTO} and {@code tmr.ALARM_SEMI}. */
public enum TimerMode {
	/** Fires once; the timer is unregistered before its callback runs. */
	SINGLE,
	/** Fires again every interval until stopped. */
	AUTO,
	/** Fires once and stays registered; start() arms it again. */
	SEMI;

	/** The mode for {@code tmr.ALARM_*}'s number. */
	public static TimerMode of(int number) {
		return switch (number) {
		case 0 -> SINGLE;
		case 1 -> AUTO;
		case 2 -> SEMI;
		default -> throw new FirmwareError("Invalid mode");
		};
	}

	/** The {@code tmr.ALARM_*} number of this mode. */
	public int number() {
		return switch (this) {
		case SINGLE -> 0;
		case AUTO -> 1;
		case SEMI -> 2;
		};
	}
}
