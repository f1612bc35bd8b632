package pearl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pearl.emulator.HeapBreakdown;
import pearl.emulator.Priority;
import pearl.emulator.Scheduler;
import pearl.emulator.TaskRun;
import pearl.launch.boards.BoardMonitor;
import pearl.launch.breakpoints.LuaLineBreakpoint;
import pearl.launch.boards.RunningBoard;
import pearl.ui.PearlUi;
import pearl.ui.views.BoardViewPart;
import pearl.ui.views.HeapView;
import pearl.ui.views.SchedulerView;
import pearl.ui.views.Timeline;

/** The Scheduler and Heap views show the board a launch runs, as its monitor records it. */
class BoardViewsTest {

	/**
	 * Ticks every 250 ms, each leaking a callback; a batch of one high and three low tasks every
	 * second (five batches a boot); a 30 ms busy wait at 2.5 s; and on the first boot only, an
	 * endless loop at 4.2 s that the watchdog resets.
	 */
	static final String BOARD = """
			local ticks = 0
			tmr.create():alarm(250, tmr.ALARM_AUTO, function()
			  ticks = ticks + 1
			  -- a leak: a registered timer never started keeps its callback in the registry
			  tmr.create():register(1000, tmr.ALARM_SINGLE, function() print(ticks) end)
			end)
			local batches = 0
			tmr.create():alarm(1000, tmr.ALARM_AUTO, function(t)
			  batches = batches + 1
			  if batches >= 5 then t:unregister() end
			  node.task.post(2, function() end)
			  for i = 1, 3 do
			    node.task.post(0, function()
			      local s = {}
			      for j = 1, 50 do s[j] = j end
			    end)
			  end
			end)
			tmr.create():alarm(2500, tmr.ALARM_SINGLE, function()
			  local t0 = tmr.now()
			  while tmr.now() - t0 < 30000 do end
			end)
			if not file.exists("hung") then
			  tmr.create():alarm(4200, tmr.ALARM_SINGLE, function()
			    file.putcontents("hung", "once")
			    while true do end
			  end)
			end
			print("running")
			""";

	@AfterEach
	void clean() throws Exception {
		IWorkbenchPage page = page();
		page.resetPerspective(); // the views were maximized
		for (String id : new String[] { PearlUi.SCHEDULER_VIEW, PearlUi.HEAP_VIEW }) {
			IViewPart view = page.findView(id);
			if (view != null) {
				page.hideView(view);
			}
		}
		BoardLaunches.clean();
		Workbenches.flushEvents(Display.getCurrent());
	}

	@Test
	void theSchedulerViewDrawsTheTasksTheBoardRan() throws Exception {
		RunningBoard board = BoardLaunches.launch(BoardLaunches.project("ticker", BOARD), ILaunchManager.RUN_MODE, "12s", false);
		BoardLaunches.awaitEnd(board);
		SchedulerView view = (SchedulerView) show(PearlUi.SCHEDULER_VIEW);
		assertTrue(view.showWindow(30_000_000));
		Timeline drawn = Workbenches.await(Display.getCurrent(), () -> view.board() == board ? view.timeline() : null);
		assertNotNull(drawn, "the view did not show the launch's board");
		BoardMonitor.Snapshot seen = board.monitor().snapshot();
		assertEquals(seen.runs(), drawn.runs(), "a bar for every task the board ran");
		assertTrue(drawn.runs().size() > 60, "ticks, batches, boots: " + drawn.runs().size());

		List<TaskRun> longRuns = drawn.longRuns();
		// the busy wait, once a boot, and the endless loop the watchdog stopped
		assertEquals(3, longRuns.size(), longRuns.toString());
		assertTrue(longRuns.get(0).durationMicros() >= 30_000 && longRuns.get(0).durationMicros() < Scheduler.WATCHDOG_MICROS);
		assertEquals(1, drawn.resets().size());
		assertEquals(Scheduler.WATCHDOG_MICROS, drawn.resets().get(0).durationMicros());
		assertEquals(List.of("watchdog reset"), drawn.reboots().stream().map(BoardMonitor.Reboot::reason).toList());
		assertTrue(view.headerText().contains(String.format("%,d tasks run", seen.tasksRun())), view.headerText());
		assertTrue(view.headerText().contains("1 watchdog resets"), view.headerText());

		// a shorter window shows only the tasks that ran in it
		assertTrue(view.showWindow(5_000_000));
		Timeline last = view.timeline();
		assertEquals(seen.nowMicros() - 5_000_000, last.startMicros());
		assertEquals(seen.runs().stream().filter(r -> r.startMicros() + r.durationMicros() >= last.startMicros()).count(), last.runs().size());
		assertEquals(1, last.longRuns().size(), "the second boot's busy wait at 7.2 s");

		assertEquals(List.of("Running: nothing", "HIGH", "MEDIUM", "LOW"), rows(view));
		assertTrue(view.showWindow(10_000_000));
		inFront(view);
		Workbenches.screenshot(Display.getCurrent(), "scheduler-view.png");
	}

	@Test
	void whileTheDebuggerHoldsTheBoardTheQueuesShowWhatWaits() throws Exception {
		IProject project = BoardLaunches.project("queues", BOARD);
		// in the first low task of the first batch: two more wait behind it
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(new LuaLineBreakpoint(project.getFile("init.lua"), 14));
		RunningBoard board = BoardLaunches.launch(project, ILaunchManager.DEBUG_MODE, "12s", false);
		IThread stopped = Workbenches.await(Display.getCurrent(), () -> suspendedThread(board));
		assertNotNull(stopped, "the breakpoint in the low task was not hit");
		SchedulerView view = (SchedulerView) show(PearlUi.SCHEDULER_VIEW);
		assertTrue(view.showWindow(1_000_000));
		Workbenches.flushEvents(Display.getCurrent());
		BoardMonitor.Snapshot seen = board.monitor().snapshot();
		assertEquals(2, seen.queues().get(Priority.LOW).size(), seen.queues().toString());
		assertEquals("node.task.post", seen.running().source());

		List<String> expected = new ArrayList<>(List.of("Running: node.task.post", "HIGH", "MEDIUM", "LOW"));
		assertEquals(expected, rows(view));
		TreeItem low = view.queueTree().getItem(3);
		assertEquals("2", low.getText(1));
		assertEquals(2, low.getItemCount());
		assertEquals("node.task.post", low.getItem(0).getText(0));
		assertEquals("0", view.queueTree().getItem(1).getText(1), "the high task ran before the low ones");
		// the board stands still: the view keeps its last data
		int bars = view.timeline().runs().size();
		Workbenches.flushEvents(Display.getCurrent(), 1000);
		assertEquals(bars, view.timeline().runs().size());
		long start = view.timeline().startMicros();
		assertEquals(seen.runs().stream().filter(r -> r.startMicros() + r.durationMicros() >= start).toList(), view.timeline().runs());
		inFront(view);
		Workbenches.screenshot(Display.getCurrent(), "scheduler-queues.png");
	}

	@Test
	void theHeapViewChartsFreeHeapAgainstTheBudget() throws Exception {
		RunningBoard board = BoardLaunches.launch(BoardLaunches.project("heap", BOARD), ILaunchManager.RUN_MODE, "12s", false);
		BoardLaunches.awaitEnd(board);
		HeapView view = (HeapView) show(PearlUi.HEAP_VIEW);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> view.board() == board && !view.chartSamples().isEmpty() ? view : null));
		BoardMonitor.Snapshot seen = board.monitor().snapshot();
		assertEquals(seen.heap(), view.chartSamples());
		BoardMonitor.HeapSample last = seen.lastHeap();
		// the run has ended: the board's figure now is the one the last sample took
		assertEquals(board.board().freeHeap(), last.freeBytes());
		String header = view.headerText();
		assertTrue(header.contains(String.format("free heap %,d B of %,d B budget", last.freeBytes(), seen.heapBudget())), header);
		assertTrue(header.contains("registry " + seen.registryEntries() + " entries"), header);
		assertTrue(seen.registryEntries() > seen.registry().get(0).entries() + 20, "the leak shows: " + seen.registry());
		assertEquals(1, seen.reboots().size());

		HeapBreakdown used = last.used();
		List<String> types = new ArrayList<>();
		for (TableItem row : view.breakdownTable().getItems()) {
			types.add(row.getText(0));
		}
		List<String> expected = new ArrayList<>(used.byType().keySet());
		expected.add("total");
		assertEquals(expected, types);
		TableItem tables = view.breakdownTable().getItem(expected.indexOf("tables"));
		assertEquals(String.format("%,d", used.tables()), tables.getText(1));
		assertEquals(Integer.toString(used.tableCount()), tables.getText(2));
		TableItem functions = view.breakdownTable().getItem(expected.indexOf("functions"));
		assertEquals(Integer.toString(used.functionCount()), functions.getText(2));
		inFront(view);
		Workbenches.screenshot(Display.getCurrent(), "heap-view.png");
	}

	@Test
	void theViewsFollowARunningBoardLiveAndSayWhenThereIsNone() throws Exception {
		SchedulerView scheduler = (SchedulerView) show(PearlUi.SCHEDULER_VIEW);
		HeapView heap = (HeapView) show(PearlUi.HEAP_VIEW);
		Workbenches.flushEvents(Display.getCurrent());
		assertTrue(heap.showsNoBoard() && heap.board() == null);
		page().activate(scheduler);
		Workbenches.flushEvents(Display.getCurrent());
		assertTrue(scheduler.showsNoBoard());
		assertEquals("No emulated board running", BoardViewPart.NO_BOARD);

		RunningBoard board = BoardLaunches.launch(BoardLaunches.project("live", """
				tmr.create():alarm(100, tmr.ALARM_AUTO, function() end)
				print("ticking")
				"""), ILaunchManager.RUN_MODE, "", true);
		// the board's output brings its console to the front; the user looks at the Scheduler again
		Workbenches.await(Display.getCurrent(), () -> board.monitor().snapshot().tasksRun() > 1 ? board : null);
		Workbenches.flushEvents(Display.getCurrent());
		inFront(scheduler);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> scheduler.board() == board && !scheduler.showsNoBoard() ? board : null));
		// in real time the timeline fills as the board runs, with no one asking the view
		int first = Workbenches.await(Display.getCurrent(), () -> scheduler.timeline() != null && scheduler.timeline().runs().size() > 2
				? scheduler.timeline().runs().size() : null);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> scheduler.timeline().runs().size() > first + 3 ? first : null),
				"the view did not refresh itself");
		assertFalse(board.ended());
		board.launch().terminate();
		DebugPlugin.getDefault().getLaunchManager().removeLaunch(board.launch());
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> scheduler.showsNoBoard() ? scheduler : null),
				"the view still shows a removed launch's board");
	}

	@Test
	void theViewsFollowTheLaunchSelectedInTheDebugView() throws Exception {
		// two boards run (a new launch removes terminated ones from the Debug view, as Eclipse does by default)
		RunningBoard older = BoardLaunches.launch(BoardLaunches.project("older", BOARD), ILaunchManager.RUN_MODE, "", true);
		RunningBoard newer = BoardLaunches.launch(BoardLaunches.project("newer", """
				tmr.create():alarm(100, tmr.ALARM_AUTO, function() end)
				"""), ILaunchManager.RUN_MODE, "", true);
		HeapView heap = (HeapView) page().showView(PearlUi.HEAP_VIEW);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> heap.board() == newer ? heap : null),
				"with nothing selected the view shows the newest running board");

		select(older);
		heap.getSite().getPage().activate(heap);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> heap.board() == older ? heap : null),
				"the view did not follow the launch selected in the Debug view");
		assertTrue(heap.headerText().startsWith(older.label()), heap.headerText());
		select(newer);
		heap.getSite().getPage().activate(heap);
		assertNotNull(Workbenches.await(Display.getCurrent(), () -> heap.board() == newer ? heap : null));
	}

	/** What the Debug view tells the workbench window is selected. */
	private static Object debugContext() {
		ISelection context = DebugUITools.getDebugContextManager().getContextService(page().getWorkbenchWindow()).getActiveContext();
		return context instanceof IStructuredSelection s ? s.getFirstElement() : null;
	}

	/** Selects {@code board}'s launch in the Debug view, as a user clicks it there. */
	private static void select(RunningBoard board) throws Exception {
		IViewPart debugView = page().showView(IDebugUIConstants.ID_DEBUG_VIEW);
		page().setPartState(page().getReference(debugView), IWorkbenchPage.STATE_RESTORED);
		Workbenches.flushEvents(Display.getCurrent());
		Viewer launches = debugView.getAdapter(IDebugView.class).getViewer();
		Object selected = Workbenches.await(Display.getCurrent(), () -> {
			// the board's output may have brought the console over it: a user clicks the Debug tab
			page().bringToTop(debugView);
			launches.setSelection(new TreeSelection(new TreePath(new Object[] { board.launch() })), true);
			return debugContext() == board.launch() ? board : null;
		});
		if (selected == null) {
			Workbenches.screenshot(Display.getCurrent(), "debug-view-selection.png");
		}
		assertNotNull(selected, "the Debug view did not select " + board.label() + "; its selection: " + launches.getSelection()
				+ ", the context: " + debugContext());
	}

	private static IThread suspendedThread(RunningBoard board) {
		try {
			if (board.launch().getDebugTarget() == null) {
				return null;
			}
			for (IThread thread : board.launch().getDebugTarget().getThreads()) {
				if (thread.isSuspended()) {
					return thread;
				}
			}
		} catch (org.eclipse.debug.core.DebugException e) {
			throw new AssertionError(e);
		}
		return null;
	}

	private static List<String> rows(SchedulerView view) {
		List<String> rows = new ArrayList<>();
		for (TreeItem item : view.queueTree().getItems()) {
			rows.add(item.getText(0));
		}
		return rows;
	}

	/** Brings {@code view} to the front of its stack (a launch may have put the console there). */
	private static void inFront(IViewPart view) {
		page().activate(view);
		Workbenches.flushEvents(Display.getCurrent());
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens the view {@code id}, maximized in a window large enough to read it. */
	private static IViewPart show(String id) throws Exception {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setBounds(Display.getCurrent().getBounds());
		IWorkbenchPage page = page();
		IViewPart view = page.showView(id);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		Workbenches.flushEvents(Display.getCurrent());
		return view;
	}
}
