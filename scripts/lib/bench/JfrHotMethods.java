// Prints where a JFR recording's execution samples (jdk.ExecutionSample) spent their time, for scripts/bench --jfr:
// JDK 17's jfr tool has no `jfr view hot-methods`, and `jfr print` lists every sample one by one.
//
//   java JfrHotMethods.java <recording.jfr> [<top>] [<package-prefix>] [<thread-name-prefixes>]
//
// Three lists of the <top> (default 25) entries, each with its share of all samples:
//   self:      the method on top of the stack (where the CPU was);
//   inclusive: every method anywhere on the stack, counted once per sample (what it and its callees cost);
//   ours:      the first frame of <package-prefix> (default org.integrationevidence.) from the top of the stack, that is
//              the project's own method that led to the work, counted once per sample;
//   waiting:   seconds the threads spent parked or waiting for a monitor (jdk.ThreadPark, jdk.JavaMonitorWait,
//              jdk.JavaMonitorEnter events, over the recording's threshold), by the nearest <package-prefix> frame, or
//              the top frame when there is none (an idle worker).
// Only the samples of threads whose names start with one of <thread-name-prefixes> (comma-separated; default: those that
// handle requests, vert.x-eventloop-thread,executor-thread) count, so that start-up, background work and JFR itself do
// not crowd the lists.

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
            System.err.println("usage: java JfrHotMethods.java <recording.jfr> [<top>] [<package-prefix>] [<thread-name-prefixes>]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String ours = args.length > 2 ? args[2] : "org.integrationevidence.";
        List<String> threads = List.of((args.length > 3 ? args[3] : "vert.x-eventloop-thread,executor-thread").split(","));
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Double> waiting = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (WAITS.contains(event.getEventType().getName()) && event.getStackTrace() != null
                    && countsIn(event.getThread(), threads)) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String where = frames.stream().map(frame -> name(frame.getMethod())).filter(name -> name.startsWith(ours))
                        .findFirst().orElse(frames.isEmpty() ? "?" : name(frames.get(0).getMethod()));
                waiting.merge(event.getEventType().getName().substring(4) + " in " + where,
                        event.getDuration().toNanos() / 1e9, Double::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !countsIn(event.getThread("sampledThread"), threads)) {
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
        System.out.printf("%d execution samples of threads %s* in %s%n", samples, String.join("*, ", threads), args[0]);
        print("self (top of the stack)", self, samples, top);
        print("inclusive (anywhere on the stack)", inclusive, samples, top);
        print("ours (nearest " + ours + "* frame to the top)", own, samples, top);
        System.out.println();
        System.out.println("waiting (seconds, all counted threads together):");
        waiting.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf("  %8.1f  %s%n", entry.getValue(), entry.getKey()));
    }

    private static final Set<String> WAITS = Set.of("jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter");

    private static boolean countsIn(RecordedThread thread, List<String> prefixes) {
        String name = thread == null ? null : thread.getJavaName();
        return name != null && prefixes.stream().anyMatch(name::startsWith);
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
