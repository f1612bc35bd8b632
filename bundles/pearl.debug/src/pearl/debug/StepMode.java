package pearl.debug;

/** How the board goes on after a stop, and where it stops next. */
public enum StepMode {
    /** Runs until a breakpoint or an exception. */
    CONTINUE,
    /** Stops at the next line run, in this function or one it calls. */
    IN,
    /** Stops at the next line of this function or its callers; the next task's first line if the task ends. */
    OVER,
    /** Stops at the next line of a caller; the next task's first line if the task ends. */
    OUT,
    /** Stops at the first line of the next task that runs Lua code. */
    NEXT_TASK
}
