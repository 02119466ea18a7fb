package org.hypomag.cds.resilience;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many of the hostile-request tries run: a tenth of each property's {@code tries} by default (the same
 * fixed seeds, so the same first requests every run), all of them with {@code -Dhostile.full=true} or the
 * {@code hostile-full} Maven profile (README, Tests).
 */
final class HostileTries implements AroundPropertyHook {

    /** Whether the long run was asked for. */
    static final boolean FULL = Boolean.getBoolean("hostile.full");
    static final int DEFAULT_DIVISOR = 10;

    /** The tries (or requests) of a run: all of them in the long run, a tenth (at least one) otherwise. */
    static int scaled(int tries) {
        return FULL ? tries : Math.max(1, tries / DEFAULT_DIVISOR);
    }

    /** Registered on the class, it applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().tries().ifPresent(tries -> context.attributes().setTries(scaled(tries)));
        return property.execute();
    }
}
