package pearl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a JUnit XML report against {@code junit.xsd} (the common format's schema, a test
 * resource) and reads what a CI server would show from it; the counts of each suite must agree
 * with its test cases.
 */
final class JUnitXmlCheck {

    private JUnitXmlCheck() {
    }

    /** Validates {@code xml} against the schema; throws with the schema's complaint when it does not conform. */
    static void validate(Path xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(JUnitXmlCheck.class.getResource("/junit.xsd")).newValidator().validate(new StreamSource(xml.toFile()));
    }

    /** The suites of a report. */
    record Suites(Element root) {
        long tests() {
            return Long.parseLong(root.getAttribute("tests"));
        }

        long failures() {
            return Long.parseLong(root.getAttribute("failures"));
        }

        long errors() {
            return Long.parseLong(root.getAttribute("errors"));
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (Element s : children(root, "testsuite")) {
                names.add(s.getAttribute("name"));
            }
            return names;
        }

        /** The message of the {@code kind} (failure, error) of test {@code test} in suite {@code suite}, or null. */
        String message(String suite, String test, String kind) {
            for (Element s : children(root, "testsuite")) {
                if (!s.getAttribute("name").equals(suite)) {
                    continue;
                }
                for (Element c : children(s, "testcase")) {
                    if (c.getAttribute("name").equals(test)) {
                        List<Element> problem = children(c, kind);
                        return problem.isEmpty() ? null : problem.get(0).getAttribute("message");
                    }
                }
            }
            return null;
        }
    }

    /** Reads {@code xml}, checking that every suite's counts agree with its cases and the totals with the suites. */
    static Suites read(Path xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        long tests = 0;
        long failures = 0;
        long errors = 0;
        for (Element suite : children(root, "testsuite")) {
            List<Element> cases = children(suite, "testcase");
            long f = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            long e = cases.stream().filter(c -> !children(c, "error").isEmpty()).count();
            assertEquals(cases.size(), Integer.parseInt(suite.getAttribute("tests")), suite.getAttribute("name"));
            assertEquals(f, Long.parseLong(suite.getAttribute("failures")), suite.getAttribute("name"));
            assertEquals(e, Long.parseLong(suite.getAttribute("errors")), suite.getAttribute("name"));
            tests += cases.size();
            failures += f;
            errors += e;
        }
        Suites suites = new Suites(root);
        assertEquals(tests, suites.tests());
        assertEquals(failures, suites.failures());
        assertEquals(errors, suites.errors());
        return suites;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }
}
