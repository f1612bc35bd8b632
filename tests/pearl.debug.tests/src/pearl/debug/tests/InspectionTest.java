package pearl.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stopped board shows: the stack with its task frame, scopes, tables, the board's parts, evaluation. */
class InspectionTest {

    @TempDir
    Path project;

    @Test
    void theStackEndsWithAFrameNamingTheTaskAndWhereItsTimerWasArmed() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 5, "for", "5s");
            List<StackFrame> stack = dap.stack();
            assertEquals(3, stack.size());
            assertEquals("function 'bump'", stack.get(0).getName());
            assertEquals(init.toAbsolutePath().normalize().toString(), stack.get(0).getSource().getPath());
            assertEquals(10, stack.get(1).getLine());
            assertEquals("tmr callback, timer armed at init.lua:9 (MEDIUM)", stack.get(2).getName());
        }
    }

    @Test
    void localsUpvaluesAndGlobalsOfAFrame() throws Exception {
        Path init = Projects.init(project, "answer = 42\n" + Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.launch(project, "for", "5s");
            dap.breakpoints(init, 6); // count = count + n, in bump
            dap.start();
            dap.stopped("breakpoint");
            dap.cont();
            dap.stopped("breakpoint"); // second tick: count is 2
            StackFrame bump = dap.stack().get(0);
            assertEquals("2", dap.variable(dap.scope(bump, "Locals").getVariablesReference(), "n").getValue());
            assertEquals("2", dap.variable(dap.scope(bump, "Upvalues").getVariablesReference(), "count").getValue());
            Variable answer = dap.variable(dap.scope(bump, "Globals").getVariablesReference(), "answer");
            assertEquals("42", answer.getValue());
            StackFrame callback = dap.stack().get(1);
            List<Variable> upvalues = dap.variables(dap.scope(callback, "Upvalues").getVariablesReference());
            assertEquals("function: init.lua:5", upvalues.stream().filter(v -> v.getName().equals("bump")).findFirst()
                    .orElseThrow().getValue());
        }
    }

    @Test
    void tablesExpandWithTheirMetatables() throws Exception {
        Path init = Projects.init(project, """
                local config = setmetatable({ ssid = "home", 10, 20, nested = { ok = true } }, { __index = { port = 80 } })
                print(config.port)
                """);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 2, "for", "1s");
            StackFrame frame = dap.stack().get(0);
            Variable config = dap.variable(dap.scope(frame, "Locals").getVariablesReference(), "config");
            assertEquals("table", config.getType());
            List<Variable> entries = dap.variables(config.getVariablesReference());
            assertEquals(List.of("[1]=10", "[2]=20", "nested=" + entries.get(2).getValue(), "ssid=\"home\"",
                    "[metatable]=" + entries.get(4).getValue()), DapClient.names(entries));
            Variable meta = entries.get(4);
            assertEquals("80", dap.variable(dap.variable(meta.getVariablesReference(), "__index").getVariablesReference(), "port")
                    .getValue());
            assertEquals("true", dap.variable(entries.get(2).getVariablesReference(), "ok").getValue());
        }
    }

    @Test
    void theBoardScopeShowsHeapTaskQueuesRegistryAndFiles() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        Projects.file(project, "data.txt", "hello");
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 10, "for", "5s");
            StackFrame frame = dap.stack().get(0);
            Scope board = dap.scope(frame, "Board");
            List<Variable> sections = dap.variables(board.getVariablesReference());
            assertEquals(List.of("Heap", "Task queues", "Registry", "SPIFFS"), sections.stream().map(Variable::getName).toList());
            List<Variable> heap = dap.variables(sections.get(0).getVariablesReference());
            long free = Long.parseLong(heap.get(1).getValue().replace(" bytes", ""));
            assertTrue(free > 30_000 && free < 45_000, "free heap " + free);
            List<Variable> tasks = dap.variables(sections.get(1).getVariablesReference());
            assertTrue(tasks.get(0).getValue().startsWith("tmr callback, timer armed at init.lua:9"), DapClient.names(tasks).toString());
            List<Variable> registry = dap.variables(sections.get(2).getVariablesReference());
            assertTrue(registry.stream().anyMatch(v -> v.getValue().equals("function: init.lua:9")),
                    "the timer's callback is held by the registry: " + DapClient.names(registry));
            List<Variable> files = dap.variables(sections.get(3).getVariablesReference());
            assertTrue(DapClient.names(files).contains("data.txt=5 bytes, written 1 times"), DapClient.names(files).toString());
        }
    }

    @Test
    void evaluateReadsAndAssignsTheFramesVariables() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 11, "for", "5s");
            StackFrame frame = dap.stack().get(0);
            assertEquals("12", dap.evaluate(frame, "v * 6").getResult());
            assertEquals("\"tick\"", dap.evaluate(frame, "'ti' .. 'ck'").getResult());
            assertEquals("number", dap.evaluate(frame, "type(node.heap())").getResult().replace("\"", ""));
            dap.evaluate(frame, "v = 40");
            dap.breakpoints(init, new int[0]);
            dap.cont();
            dap.awaitUart("tick\t40");
            String error = DapClient.error(dap.server.evaluate(args(frame, "v +")));
            assertTrue(error.contains("running") || error.contains("frame"), error);
        }
    }

    @Test
    void aFailingExpressionAnswersWithLuasMessage() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 11, "for", "5s");
            StackFrame frame = dap.stack().get(0);
            String error = DapClient.error(dap.server.evaluate(args(frame, "v.x.y")));
            assertTrue(error.contains("attempt to index"), error);
            assertEquals("2", dap.evaluate(frame, "v").getResult(), "the program's state is untouched");
        }
    }

    @Test
    void virtualTimeStandsStillWhileStopped() throws Exception {
        Path init = Projects.init(project, Projects.TICKER);
        try (DapClient dap = new DapClient()) {
            dap.stopAt(init, 11, "for", "5s");
            StackFrame frame = dap.stack().get(0);
            String before = dap.evaluate(frame, "tmr.now()").getResult();
            Thread.sleep(300);
            assertEquals(before, dap.evaluate(frame, "tmr.now()").getResult());
        }
    }

    private static EvaluateArguments args(StackFrame frame, String expression) {
        EvaluateArguments a = new EvaluateArguments();
        a.setExpression(expression);
        a.setFrameId(frame.getId());
        a.setContext("watch");
        return a;
    }
}
