package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pearl.emulator.ProjectBoard;
import pearl.emulator.testing.JUnitXml;
import pearl.emulator.testing.SuiteFiles;
import pearl.emulator.testing.SuiteResult;
import pearl.emulator.testing.SuiteRunner;
import pearl.emulator.testing.TestCase;
import pearl.emulator.testing.TestReport;

/** Pearl's NTest and the suite runner: NTest's documented API on a board, and how suites end. */
class NTestSuiteRunnerTest {

    @TempDir
    Path project;

    private SuiteResult run(String suite) throws IOException {
        Files.createDirectories(project.resolve("test"));
        Files.writeString(project.resolve("test/x_test.lua"), suite);
        return new SuiteRunner(ProjectBoard.of(project), 10_000_000, w -> { }).run("test/x_test.lua");
    }

    private static List<String> names(SuiteResult r) {
        return r.tests().stream().map(t -> t.outcome() + " " + t.name()).toList();
    }

    @Test
    void theRequireAndTheInjectedConstructorsBothWorkAndRunInOrder() throws IOException {
        SuiteResult r = run("""
                local injected = ...
                local A = injected("first run")
                local B = require("NTest")("second run")
                B.test('b1', function() ok(true) end)
                A.test('a1', function() ok(true) end)
                A.testasync('a2', function(done) tmr.create():alarm(10, tmr.ALARM_SINGLE, done) end)
                """);
        assertNull(r.abortReason(), r.output());
        assertEquals(List.of("PASSED a1", "PASSED a2", "PASSED b1"), names(r));
    }

    @Test
    void theSuitesOwnReportHandlerHearsEveryEventToo() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("handled")
                N.report(function(event, test, msg, err)
                  print("event", event, test, msg, err)
                end)
                N.test('good', function() ok(true) end)
                N.test('bad', function() ok(false, 'nope') end)
                """);
        assertEquals(List.of("PASSED good", "FAILED bad"), names(r));
        for (String line : List.of("event\tstart\thandled", "event\tbegin\tgood", "event\tpass\tgood", "event\tend\tgood",
                "event\tfail\tbad\tnope", "event\tfinish\thandled\t1\t1")) {
            assertTrue(r.output().contains(line), line + " in " + r.output());
        }
    }

    @Test
    void helpersGoIntoTheEnvironmentGivenToReport() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("env")
                local env = {}
                N.report(nil, env)
                N.test('uses env', function()
                  env.ok(env.eq({1, {2}}, {1, {2}}))
                  env.nok(env.eq(1, 2))
                  local s = env.spy()
                  s(1, 2)
                  env.ok(env.eq(s.called, {{1, 2}}))
                end)
                """);
        assertEquals(List.of("PASSED uses env"), names(r), r.output());
    }

    @Test
    void eqExplainsTheDifferenceAndOkWithoutAMessageNamesTheLine() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("messages")
                N.test('deep', function() ok(eq({a = {b = 1}}, {a = {b = 2}}), "nested") end)
                N.test('types', function() ok(eq(1, "1")) end)
                N.test('plain', function()
                  ok(false)
                end)
                N.test('fail', function() fail(function() end, nil, "should have raised") end)
                """);
        List<TestCase> t = r.tests();
        assertEquals("nested: value.a.b: 1 ~= 2", t.get(0).message());
        assertEquals("test/x_test.lua:3: value: type number ~= string", t.get(1).message());
        assertEquals("test/x_test.lua:5", t.get(2).message());
        assertEquals("should have raised: expected the function to fail", t.get(3).message());
    }

    @Test
    void testcoWaitsForCallbacksInOrderEvenWhenTheyCameEarly() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("co")
                N.testco('queued callbacks', function(getCB, waitCB)
                  local a, b = getCB("a"), getCB("b")
                  a(1); b(2)
                  local name, v = waitCB()
                  ok(eq({name, v}, {"a", 1}))
                  name, v = waitCB()
                  ok(eq({name, v}, {"b", 2}))
                  tmr.create():alarm(30, tmr.ALARM_SINGLE, getCB("later"))
                  ok(eq((waitCB()), "later"))
                end)
                N.testco('an error in the coroutine', function(getCB, waitCB)
                  tmr.create():alarm(5, tmr.ALARM_SINGLE, getCB("t"))
                  waitCB()
                  error("broke")
                end)
                """);
        assertEquals(List.of("PASSED queued callbacks", "ERROR an error in the coroutine"), names(r));
        assertTrue(r.tests().get(1).message().contains("broke"), r.tests().get(1).message());
        assertTrue(r.tests().get(0).micros() >= 30_000, "virtual time of the test: " + r.tests().get(0).micros());
    }

    @Test
    void anErrorInACallbackFailsTheRunningTestAndTheRunGoesOn() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("callbacks")
                N.testasync('callback raises', function(done)
                  tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("in callback") end)
                end)
                N.test('next', function() ok(true) end)
                """);
        assertEquals(List.of("ERROR callback raises", "PASSED next"), names(r));
        assertTrue(r.tests().get(0).message().contains("in callback"), r.tests().get(0).message());
        assertNull(r.abortReason());
    }

    @Test
    void aSuiteThatDoesNotLoadOrDeclaresNothingFails() throws IOException {
        SuiteResult broken = run("local N = (... or require 'NTest')('x')\nN.test('a', function() end\n");
        assertTrue(broken.abortReason().startsWith("the suite did not load: "), broken.abortReason());
        assertEquals(TestCase.Outcome.ERROR, broken.tests().get(0).outcome());
        SuiteResult empty = run("print('no tests here')");
        assertEquals("no tests: the file declared none", empty.abortReason());
        assertTrue(!empty.allPassed());
        SuiteResult noTests = run("local N = (... or require 'NTest')('nothing')");
        assertEquals("no tests: the file declared none", noTests.abortReason());
    }

    @Test
    void aHangNamesTheTestThatNeverEnded() throws IOException {
        SuiteResult r = run("""
                local N = (... or require "NTest")("hang")
                N.testasync('waits forever', function(done) end)
                """);
        assertEquals("hung: no finish within 10 s of virtual time (test 'waits forever' was still running)", r.abortReason());
        assertEquals(10_000_000, r.micros(), 100_000);
    }

    @Test
    void defaultSuitesAreTestFilesAndNTestFiles() throws IOException {
        Files.createDirectories(project.resolve("test/deep"));
        for (String f : List.of("test/a_test.lua", "test/deep/b_test.lua", "NTest_c.lua", "lib/NTest_d.lua", "test/helper.lua",
                "other_test.lua")) {
            Files.createDirectories(project.resolve(f).getParent());
            Files.writeString(project.resolve(f), "");
        }
        assertEquals(List.of("NTest_c.lua", "lib/NTest_d.lua", "test/a_test.lua", "test/deep/b_test.lua"), SuiteFiles.find(project));
    }

    @Test
    void junitXmlEscapesMarkupAndCountsPerSuite() throws IOException {
        SuiteResult s = new SuiteResult("test/a_test.lua", List.of(new TestCase("a <b> & \"c\"", TestCase.Outcome.FAILED,
                "x < y\u0001", 1500), new TestCase("ok", TestCase.Outcome.PASSED, null, 0)), null, 2_000_000, "out\r\n");
        StringWriter xml = new StringWriter();
        JUnitXml.write(new TestReport(List.of(s)), xml);
        String text = xml.toString();
        assertTrue(text.contains("<testsuite name=\"test/a_test.lua\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"2.000000\">"), text);
        assertTrue(text.contains("<testcase name=\"a &lt;b&gt; &amp; &quot;c&quot;\" classname=\"test.a_test\" time=\"0.001500\">"), text);
        assertTrue(text.contains("<failure message=\"x &lt; y\" type=\"assertion\">"), text);
    }
}
