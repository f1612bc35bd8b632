package pearl.ui.boards;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;

/** The workbench's own icons the board views reuse, so they look like the rest of Eclipse. */
final class BoardImages {

    static final ImageDescriptor REFRESH = workbench("icons/full/elcl16/refresh_nav.png");
    static final ImageDescriptor UPLOAD = workbench("icons/full/etool16/import_wiz.png");
    static final ImageDescriptor DOWNLOAD = workbench("icons/full/etool16/export_wiz.png");

    private BoardImages() {
    }

    private static ImageDescriptor workbench(String path) {
        return ResourceLocator.imageDescriptorFromBundle("org.eclipse.ui", path).orElse(null);
    }
}
