package pearl.lua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import pearl.lua.lua.Chunk;

/**
 * Parses Lua source text into its syntax tree and reports syntax errors with file, line and
 * column. The entry point for headless callers (command line, tests); inside Eclipse the same
 * parser runs through Xtext's resources.
 */
public final class LuaSources {

	/** A parsed file: its tree (possibly partial when there are errors) and its syntax errors. */
	public record Parsed(Chunk chunk, List<LuaSyntaxError> syntaxErrors) {
	}

	private final Injector injector;

	/** Uses the given Lua language injector. */
	public LuaSources(Injector injector) {
		this.injector = injector;
	}

	/** Uses the standalone (non-OSGi) setup of the language. */
	public static LuaSources standalone() {
		return new LuaSources(LuaStandaloneSetup.doSetup());
	}

	/**
	 * Parses {@code text} as the Lua file {@code fileName}; never throws on bad input, whatever
	 * the text holds.
	 */
	public Parsed parse(String fileName, String text) {
		// Whatever the file is called, it is read as Lua.
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(URI.createFileURI(fileName));
		injector.getInstance(XtextResourceSet.class).getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + fileName + " from memory", e);
		}
		List<LuaSyntaxError> errors = new ArrayList<>();
		for (Resource.Diagnostic diagnostic : resource.getErrors()) {
			errors.add(new LuaSyntaxError(fileName, diagnostic.getLine(), diagnostic.getColumn(),
					"syntax error: " + diagnostic.getMessage()));
		}
		if (errors.isEmpty()) {
			IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				if (issue.getSeverity() == Severity.ERROR && issue.getCode() != null && issue.getCode().startsWith("syntax.")) {
					errors.add(new LuaSyntaxError(fileName, issue.getLineNumber(), issue.getColumn(), issue.getMessage()));
				}
			}
		}
		Chunk chunk = resource.getContents().isEmpty() ? null : (Chunk) resource.getContents().get(0);
		return new Parsed(chunk, List.copyOf(errors));
	}
}
