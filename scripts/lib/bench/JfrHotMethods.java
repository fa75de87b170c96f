// Prints where a JFR recording's execution samples (jdk.ExecutionSample) spent their time, for scripts/bench --jfr:
// JDK 17's jfr tool has no `jfr view hot-methods`, and `jfr print` lists every sample one by one.
//
//   java JfrHotMethods.java <recording.jfr> [<top>] [<package-prefix>]
//
// Three lists of the <top> (default 25) entries, each with its share of all samples:
//   self:      the method on top of the stack (where the CPU was);
//   inclusive: every method anywhere on the stack, counted once per sample (what it and its callees cost);
//   ours:      the first frame of <package-prefix> (default org.integrationevidence.) from the top of the stack, that is
//              the project's own method that led to the work, counted once per sample.
// Only the samples of threads that handle requests count (the Vert.x event loops and the executor's workers), so that
// start-up, the search index's background work and JFR itself do not crowd the lists.

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

public class JfrHotMethods {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java JfrHotMethods.java <recording.jfr> [<top>] [<package-prefix>]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String ours = args.length > 2 ? args[2] : "org.integrationevidence.";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !handlesRequests(event.getThread("sampledThread"))) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean ownFound = false;
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
                if (!ownFound && name.startsWith(ours)) {
                    own.merge(name, 1, Integer::sum);
                    ownFound = true;
                }
            }
        }
        System.out.printf("%d execution samples of request threads in %s%n", samples, args[0]);
        print("self (top of the stack)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top);
        print("ours (nearest " + ours + "* frame to the top)", own, samples, top);
    }

    private static boolean handlesRequests(RecordedThread thread) {
        String name = thread == null ? null : thread.getJavaName();
        return name != null && (name.startsWith("vert.x-eventloop-thread") || name.startsWith("executor-thread"));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                        entry.getKey()));
    }
}
