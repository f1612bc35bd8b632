package pearl.lua.ui;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;

/**
 * Repaints from the edit to the end of the document: typing {@code --[[} or an opening quote
 * changes what every later character is.
 */
final class WholeDocumentDamagerRepairer extends DefaultDamagerRepairer {

	WholeDocumentDamagerRepairer(ITokenScanner scanner) {
		super(scanner);
	}

	@Override
	public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
		int start = Math.max(0, Math.min(event.getOffset(), event.getDocument().getLength()));
		try {
			start = event.getDocument().getLineOffset(event.getDocument().getLineOfOffset(start));
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// keep the edit's offset
		}
		return new Region(start, event.getDocument().getLength() - start);
	}
}
