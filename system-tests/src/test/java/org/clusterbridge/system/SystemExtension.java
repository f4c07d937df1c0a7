package org.clusterbridge.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link TheSystem} once for every test class of the run and stops it when the whole run ends (the root
 * context's store closes its resources last), printing the run's figures just before.
 */
public final class SystemExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SystemExtension.class,
                key -> {
                    TheSystem.get();
                    return (AutoCloseable) () -> {
                        Report.printSummary();
                        TheSystem.stopIfStarted();
                    };
                });
    }
}
