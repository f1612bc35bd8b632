package pearl.ui;

/** The identifiers this bundle declares in its plugin.xml, for code and tests that refer to them. */
public final class PearlUi {

    /** The bundle's symbolic name. */
    public static final String PLUGIN_ID = "pearl.ui";
    /** The "NodeMCU" perspective: the Lua editor with the board's views around it. */
    public static final String PERSPECTIVE = "pearl.ui.nodemcuPerspective";

    /** The category of the NodeMCU views in Window > Show View. */
    public static final String VIEW_CATEGORY = "pearl.ui.views";
    /** The Scheduler view: the board's task queues and a timeline of its tasks. */
    public static final String SCHEDULER_VIEW = "pearl.ui.schedulerView";
    /** The Heap view: free heap over time against the budget, and where the heap goes. */
    public static final String HEAP_VIEW = "pearl.ui.heapView";

    private PearlUi() {
    }
}
