package pearl.launch.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.ILog;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

import pearl.launch.PearlLaunching;
import pearl.launch.breakpoints.LuaExceptionBreakpoint;
import pearl.launch.breakpoints.LuaLineBreakpoint;

/**
 * Keeps the adapter's breakpoints equal to the workspace's: DAP sets a file's breakpoints all at
 * once, so any change to one of them sends its file's list again; a list the adapter has already
 * is not sent twice (the adapter's own verdicts, written to the markers, come back as changes).
 * The adapter's answers move breakpoints to the lines it set them on, or record why it did not.
 */
final class DapBreakpointSync {

    private final DapDebugTarget target;
    /** What the adapter has per file: the lines, conditions and hit conditions sent last. */
    private final Map<String, List<List<Object>>> sent = new HashMap<>();
    private final Map<Integer, IBreakpoint> byAdapterId = new ConcurrentHashMap<>();
    private volatile boolean active;
    /** "Skip all breakpoints" turned on or off: every file's list changes. */
    private final IBreakpointManagerListener skipAll = enabled -> {
        try {
            resendAll();
        } catch (DebugException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    };

    DapBreakpointSync(DapDebugTarget target) {
        this.target = target;
    }

    private static IBreakpointManager manager() {
        return DebugPlugin.getDefault().getBreakpointManager();
    }

    /** Sends every breakpoint of the workspace, and listens for changes from now on. */
    void start() throws DebugException {
        active = true;
        manager().addBreakpointListener(target);
        manager().addBreakpointManagerListener(skipAll);
        resendAll();
    }

    /** Stops listening: the session is over. */
    void stop() {
        active = false;
        manager().removeBreakpointListener(target);
        manager().removeBreakpointManagerListener(skipAll);
    }

    /** Sends the breakpoints of every file that has some, or had some sent before, and the exception filters. */
    private void resendAll() throws DebugException {
        Map<String, List<LuaLineBreakpoint>> byFile = new LinkedHashMap<>();
        for (String file : sentFiles()) {
            byFile.put(file, new ArrayList<>());
        }
        for (LuaLineBreakpoint b : lineBreakpoints()) {
            String file = fileOf(b);
            if (file != null) {
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(b);
            }
        }
        for (Map.Entry<String, List<LuaLineBreakpoint>> e : byFile.entrySet()) {
            send(e.getKey(), e.getValue());
        }
        sendExceptionFilters();
    }

    /** A breakpoint was added, removed or changed. */
    void changed(IBreakpoint breakpoint) {
        if (!active || !target.supportsBreakpoint(breakpoint)) {
            return;
        }
        try {
            if (breakpoint instanceof LuaLineBreakpoint line) {
                String file = fileOf(line);
                if (file == null && !sentFiles().isEmpty()) {
                    // removed with its marker: which file it was on is lost, so look at all of them
                    for (String f : sentFiles()) {
                        resend(f);
                    }
                } else if (file != null) {
                    resend(file);
                }
            } else if (breakpoint instanceof LuaExceptionBreakpoint) {
                sendExceptionFilters();
            }
        } catch (DebugException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    }

    private synchronized List<String> sentFiles() {
        return new ArrayList<>(sent.keySet());
    }

    private void resend(String file) throws DebugException {
        List<LuaLineBreakpoint> onFile = new ArrayList<>();
        for (LuaLineBreakpoint b : lineBreakpoints()) {
            if (file.equals(fileOf(b))) {
                onFile.add(b);
            }
        }
        send(file, onFile);
    }

    /** Sends {@code file}'s breakpoints (the enabled ones) unless the adapter has that list already. */
    private void send(String file, List<LuaLineBreakpoint> breakpoints) throws DebugException {
        List<LuaLineBreakpoint> enabled = new ArrayList<>();
        List<List<Object>> signature = new ArrayList<>();
        for (LuaLineBreakpoint b : breakpoints) {
            if (isEnabled(b)) {
                enabled.add(b);
                signature.add(List.of(lineOf(b), Objects.toString(b.getCondition(), ""), Objects.toString(b.getHitCondition(), "")));
            }
        }
        synchronized (this) {
            if (signature.equals(sent.get(file))) {
                return;
            }
            sent.put(file, signature);
        }
        SetBreakpointsArguments args = new SetBreakpointsArguments();
        Source source = new Source();
        source.setPath(file);
        source.setName(IPath.fromOSString(file).lastSegment());
        args.setSource(source);
        args.setBreakpoints(enabled.stream().map(b -> {
            SourceBreakpoint s = new SourceBreakpoint();
            s.setLine(lineOf(b));
            s.setCondition(b.getCondition());
            s.setHitCondition(b.getHitCondition());
            return s;
        }).toArray(SourceBreakpoint[]::new));
        Breakpoint[] answers = DapDebugElement.answer(target.server().setBreakpoints(args)).getBreakpoints();
        // markers are written outside the lock: writing them may wait for the workspace
        for (int i = 0; i < enabled.size() && i < answers.length; i++) {
            record(enabled.get(i), answers[i]);
        }
    }

    private void record(LuaLineBreakpoint breakpoint, Breakpoint answer) {
        if (answer.getId() != null) {
            byAdapterId.put(answer.getId(), breakpoint);
        }
        try {
            if (answer.isVerified()) {
                breakpoint.setProblem(null);
                if (answer.getLine() != null) {
                    breakpoint.moveTo(answer.getLine());
                }
            } else {
                breakpoint.setProblem(answer.getMessage() == null ? "the debug adapter did not set this breakpoint" : answer.getMessage());
            }
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    }

    /** The adapter's exception filters: each one's breakpoint if there is one, else the adapter's default. */
    private void sendExceptionFilters() throws DebugException {
        ExceptionBreakpointsFilter[] offered = target.capabilities().getExceptionBreakpointFilters();
        List<String> on = new ArrayList<>();
        if (offered != null) {
            for (ExceptionBreakpointsFilter filter : offered) {
                LuaExceptionBreakpoint chosen = LuaExceptionBreakpoint.find(filter.getFilter());
                boolean enabled = chosen != null ? isEnabled(chosen) : Boolean.TRUE.equals(filter.getDefault_());
                if (enabled) {
                    on.add(filter.getFilter());
                }
            }
        }
        SetExceptionBreakpointsArguments args = new SetExceptionBreakpointsArguments();
        args.setFilters(on.toArray(String[]::new));
        DapDebugElement.answer(target.server().setExceptionBreakpoints(args));
    }

    /** The workspace breakpoints the adapter reported as hit by {@code ids}. */
    IBreakpoint[] breakpointsOf(Integer[] ids) {
        if (ids == null) {
            return new IBreakpoint[0];
        }
        List<IBreakpoint> hit = new ArrayList<>();
        for (Integer id : ids) {
            IBreakpoint b = byAdapterId.get(id);
            if (b != null) {
                hit.add(b);
            }
        }
        return hit.toArray(IBreakpoint[]::new);
    }

    private static List<LuaLineBreakpoint> lineBreakpoints() {
        List<LuaLineBreakpoint> all = new ArrayList<>();
        for (IBreakpoint b : manager().getBreakpoints(PearlLaunching.DEBUG_MODEL)) {
            if (b instanceof LuaLineBreakpoint line && line.getMarker() != null && line.getMarker().exists()) {
                all.add(line);
            }
        }
        return all;
    }

    private static boolean isEnabled(IBreakpoint b) {
        try {
            return manager().isEnabled() && b.isEnabled();
        } catch (CoreException e) {
            return false;
        }
    }

    private static int lineOf(LuaLineBreakpoint b) {
        try {
            return b.getLineNumber();
        } catch (CoreException e) {
            return -1;
        }
    }

    /** The file's path in the file system, as the adapter names files; null for a breakpoint without one. */
    private static String fileOf(LuaLineBreakpoint b) {
        if (b.getMarker() == null || !b.getMarker().exists()) {
            return null;
        }
        IPath location = b.getMarker().getResource().getLocation();
        return location == null ? null : location.toOSString();
    }
}
