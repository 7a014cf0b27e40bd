package dev.facemark.core;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.TestExecutionResult;

import java.io.PrintWriter;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Runs one fuzz test ({@code CLASS#METHOD}) in this JVM through the JUnit Platform, for {@code tools/fuzz.sh}:
 * Jazzer fuzzes only one {@code @FuzzTest} per JVM, and starting a JVM per target is much cheaper
 * than a Maven run per target. With {@code JAZZER_FUZZ=1} the target fuzzes (bounded by the
 * libFuzzer flags the script passes); without it, it replays its seeds. Exit status 0 when it
 * passed, 1 when it failed (a finding), 2 when nothing ran.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzMain FUZZ_TEST_CLASS#METHOD");
            System.exit(2);
        }
        String[] cm = args[0].split("#", 2);
        Class<?> target = Class.forName(cm[0]);
        Method method = Arrays.stream(target.getDeclaredMethods()).filter(m -> m.getName().equals(cm[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + cm[1] + " in " + cm[0]));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(target, method)).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener failures = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.isTest()) {
                    System.err.println("FAILED " + id.getDisplayName() + ": "
                            + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary, failures);
        TestExecutionSummary s = summary.getSummary();
        s.printTo(new PrintWriter(System.out));
        s.printFailuresTo(new PrintWriter(System.err), 25);
        // Exit explicitly: ONNX Runtime and OpenCV threads must not keep the JVM alive.
        System.exit(s.getTestsStartedCount() == 0 ? 2 : s.getTotalFailureCount() > 0 ? 1 : 0);
    }
}
