package org.hypomag.cds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmark thread's CPU time per operation, printed after each iteration ({@code thread CPU ... us/op}): on
 * a machine shared with other work, wall-clock scores measure the machine's load; the thread's own CPU time
 * does not. A benchmark's state class extends this and calls {@link #op()} once per operation.
 */
public abstract class CpuClock {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long ops;
    private long cpuAtStart;

    protected final void op() {
        ops++;
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        ops = 0;
        cpuAtStart = threads.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void printCpuPerOp() {
        System.out.printf(" (thread CPU %.1f us/op over %d ops)", (threads.getCurrentThreadCpuTime() - cpuAtStart)
                / 1e3 / ops, ops);
    }
}
