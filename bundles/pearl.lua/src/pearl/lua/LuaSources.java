package pearl.lua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;

import com.google.inject.Injector;

import pearl.lua.lua.Chunk;
import pearl.lua.parser.LuaLexicalScanner;
import pearl.lua.parser.LuaLineMap;
import pearl.lua.parser.LuaSyntaxErrorMessages;
import pearl.lua.scope.ScopeAnalysis;
import pearl.lua.scope.ScopeModel;
import pearl.lua.validation.SyntaxChecks;

/**
 * Parses Lua source text into its syntax tree and reports its syntax errors at the line
 * {@code luac} 5.1 reports them. The entry point for headless callers (command line, tests);
 * inside Eclipse the same parser runs through Xtext's resources.
 */
public final class LuaSources {

	/**
	 * A parsed file: its tree (partial when there are errors) and its syntax errors, first one
	 * first. The first is the one {@code luac} would report; later ones come from the parser's
	 * recovery and are less certain. {@code scopes} binds its names (as far as a partial tree goes).
	 * {@code elements} is every element of the tree in source order, walked once for all who need
	 * it (EMF's tree walk is not cheap).
	 */
	public record Parsed(Chunk chunk, XtextResource resource, List<LuaSyntaxError> syntaxErrors, ScopeModel scopes, List<EObject> elements) {
	}

	private final Injector injector;

	/** Uses the given Lua language injector. */
	@com.google.inject.Inject
	public LuaSources(Injector injector) {
		this.injector = injector;
	}

	/** Uses the standalone (non-OSGi) setup of the language. */
	public static LuaSources standalone() {
		return new LuaSources(LuaStandaloneSetup.doSetup());
	}

	/**
	 * Parses {@code text} as the Lua file {@code fileName} (whatever its extension); never throws
	 * on bad input, whatever the text holds.
	 */
	public Parsed parse(String fileName, String text) {
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(URI.createFileURI(fileName));
		injector.getInstance(XtextResourceSet.class).getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + fileName + " from memory", e);
		}
		return parsed(fileName, text, resource);
	}

	/**
	 * Applies an edit to a parsed file, as an editor does after a keystroke: Xtext reparses only
	 * the part of the tree the edit touches, then the syntax errors are found again.
	 *
	 * @param offset      where the replaced text starts
	 * @param length      how many characters are replaced
	 * @param replacement the new text
	 */
	public Parsed update(Parsed parsed, int offset, int length, String replacement) {
		XtextResource resource = parsed.resource();
		resource.update(offset, length, replacement);
		String text = resource.getParseResult().getRootNode().getText();
		return parsed(resource.getURI().toFileString(), text, resource);
	}

	/**
	 * The parse of a resource Xtext already loaded (an editor's or a language server's): its
	 * syntax errors as {@code luac} reports them, and its scopes.
	 */
	public static Parsed of(XtextResource resource) {
		String text = resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
		String fileName = resource.getURI().isFile() ? resource.getURI().toFileString() : resource.getURI().toString();
		return parsed(fileName, text, resource);
	}

	private static Parsed parsed(String fileName, String text, XtextResource resource) {
		Chunk chunk = resource.getContents().isEmpty() ? null : (Chunk) resource.getContents().get(0);
		ScopeModel scopes = ScopeAnalysis.analyze(chunk); // once, for the limit checks and for the linter
		List<EObject> elements = new ArrayList<>();
		if (chunk != null) {
			chunk.eAllContents().forEachRemaining(elements::add);
		}
		List<EObject> all = java.util.Collections.unmodifiableList(elements);
		return new Parsed(chunk, resource, syntaxErrors(fileName, text, resource, scopes, all), scopes, all);
	}

	/** Syntax errors in the order Lua meets them: each at an offset, with luac's line. */
	private record Found(int order, int offset, String message) {
	}

	private static List<LuaSyntaxError> syntaxErrors(String fileName, String text, XtextResource resource, ScopeModel scopes,
			List<EObject> elements) {
		List<Found> found = new ArrayList<>();
		Optional<LuaLexicalScanner.LexicalError> lexical = LuaLexicalScanner.firstError(text);
		lexical.ifPresent(e -> found.add(new Found(e.tokenStart(), e.offset(), e.message())));
		int firstParserError = Integer.MAX_VALUE;
		for (Resource.Diagnostic diagnostic : resource.getErrors()) {
			if (diagnostic instanceof XtextSyntaxDiagnostic syntax) {
				Found error = parserError(syntax, text.length());
				if (lexical.isPresent() && error.order() == lexical.get().tokenStart()) {
					continue; // the parser tripping over a token the lexer already rejected
				}
				found.add(error);
				firstParserError = Math.min(firstParserError, error.order());
			}
		}
		if (!resource.getContents().isEmpty()) {
			int repaired = firstParserError;
			SyntaxChecks.Acceptor acceptor = (object, offset, length, message, code) -> {
				// checks of a tree the parser had to repair are trusted only before the first repair
				if (offset <= repaired) {
					found.add(new Found(offset, offset, message));
				}
			};
			EObject root = resource.getContents().get(0);
			SyntaxChecks.limits((Chunk) root, scopes, acceptor);
			for (EObject element : elements) {
				SyntaxChecks.check(element, acceptor);
			}
		}
		found.sort(Comparator.comparingInt(Found::order));
		LuaLineMap lines = new LuaLineMap(text);
		List<LuaSyntaxError> errors = new ArrayList<>(found.size());
		for (Found f : found) {
			errors.add(new LuaSyntaxError(fileName, lines.line(f.offset()), lines.column(f.order()), f.message()));
		}
		return List.copyOf(errors);
	}

	/** Lua has read the offending token when it complains: the error's line is where that token ends. */
	private static Found parserError(XtextSyntaxDiagnostic syntax, int textLength) {
		String[] data = syntax.getData();
		if (LuaSyntaxErrorMessages.PARSE_ERROR.equals(syntax.getCode()) && data != null && data.length > 0) {
			if (LuaSyntaxErrorMessages.AT_EOF.equals(data[0])) {
				return new Found(textLength, textLength, syntax.getMessage());
			}
			int start = Integer.parseInt(data[0]);
			int end = Integer.parseInt(data[1]);
			return new Found(start, Math.max(start, end - 1), syntax.getMessage());
		}
		int end = syntax.getLength() > 0 ? syntax.getOffset() + syntax.getLength() - 1 : syntax.getOffset();
		return new Found(syntax.getOffset(), end, syntaxMessage(syntax));
	}

	private static String syntaxMessage(XtextSyntaxDiagnostic diagnostic) {
		String message = diagnostic.getMessage();
		return message.startsWith("syntax error") ? message : "syntax error: " + message;
	}
}
