package pearl.lua.ide.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import pearl.lua.ide.LuaIdeSetup;

/**
 * The generic IDE layer generated from the grammar: what completion offers at the cursor, as an
 * editor or a language client would ask for it.
 */
class LuaContentAssistTest {

	private static Injector injector;
	private static ExecutorService pool;

	@BeforeAll
	static void setUp() {
		injector = LuaIdeSetup.doSetupIde();
		pool = Executors.newCachedThreadPool();
	}

	@AfterAll
	static void tearDown() {
		pool.shutdownNow();
	}

	/** Proposals at the '|' in {@code textWithCursor}. */
	private static List<String> proposalsAt(String textWithCursor) throws IOException {
		int offset = textWithCursor.indexOf('|');
		String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + 1);
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI("/project/init.lua"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		List<String> proposals = new ArrayList<>();
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts),
				new IIdeContentProposalAcceptor() {
					@Override
					public void accept(ContentAssistEntry entry, int priority) {
						if (entry != null) {
							proposals.add(entry.getProposal());
						}
					}

					@Override
					public boolean canAcceptMoreProposals() {
						return true;
					}
				});
		return proposals;
	}

	@Test
	void offersStatementKeywordsAtTheStartOfALine() throws IOException {
		List<String> proposals = proposalsAt("""
				local x = 1
				|
				""");
		for (String keyword : List.of("local", "function", "if", "while", "for", "return")) {
			assertTrue(proposals.contains(keyword), keyword + " missing from " + proposals);
		}
		assertFalse(proposals.contains("then"), "'then' cannot start a statement: " + proposals);
	}

	@Test
	void offersExpressionKeywordsAfterAnEqualsSign() throws IOException {
		List<String> proposals = proposalsAt("local handler = |");
		for (String keyword : List.of("function", "nil", "true", "false", "not")) {
			assertTrue(proposals.contains(keyword), keyword + " missing from " + proposals);
		}
		assertFalse(proposals.contains("local"), "'local' cannot start an expression: " + proposals);
	}

	@Test
	void completesAPartlyTypedKeyword() throws IOException {
		List<String> proposals = proposalsAt("if ready th|");
		assertTrue(proposals.contains("then"), "then missing from " + proposals);
		assertFalse(proposals.contains("while"), "'while' does not start with 'th': " + proposals);
	}
}
