package pearl.emulator.hardware;

/**
 * A pin's PWM output as {@code pwm} set it up.
 *
 * @param clockHz frequency (shared by all PWM pins)
 * @param duty    0..1023
 * @param running whether the output runs ({@code pwm.start})
 */
public record PwmState(int clockHz, int duty, boolean running) {
}
