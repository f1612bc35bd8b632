package pearl.ui;

/** The identifiers this bundle declares in its plugin.xml, for code and tests that refer to them. */
public final class PearlUi {

    /** The bundle's symbolic name. */
    public static final String PLUGIN_ID = "pearl.ui";
    /** The "NodeMCU" perspective: the Lua editor with the board's views around it. */
    public static final String PERSPECTIVE = "pearl.ui.nodemcuPerspective";

    private PearlUi() {
    }
}
