package co.interakt.capture.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a class file transformer costs per class loaded, away from everything else a start-up does:
 * a JVM that only loads (and links, not initializes) every class of a set of jars, in one
 * URLClassLoader, with and without an agent. Less noisy than a whole application's start-up, and
 * it divides by the number of classes.
 *
 * <ul>
 * <li>{@code ClassLoadBenchmark load JAR...}: the child. Loads the classes, prints
 *     {@code loaded N classes; wall W ms; cpu C ms; thread T ms}: CPU of the whole process, JIT
 *     and GC included, from /proc/self/stat, and of the loading thread alone, where the transformer
 *     runs (the JIT's and the GC's threads vary from run to run more than the effect).</li>
 * <li>{@code ClassLoadBenchmark compare --rounds R NAME 'COMMAND' [NAME 'COMMAND' ...]}: runs the
 *     commands interleaved, R rounds; prints each run, then {@code classload NAME classes
 *     median_wall median_cpu median_thread} and, against the first command, {@code paired
 *     cpu|wall|thread NAME median q1 q3 min max} in ms, and the median added per class in µs.</li>
 * </ul>
 */
public final class ClassLoadBenchmark {
    private ClassLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load")) {
            load(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 2 && args[0].equals("compare") && args[1].equals("--rounds")) {
            compare(Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
        } else {
            throw new IllegalArgumentException("usage: load JAR... | compare --rounds R NAME COMMAND...");
        }
    }

    private static void load(String[] jars) throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long threadStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<URL> urls = new ArrayList<>();
        for (String jar : jars) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        int loaded = 0;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader())) {
            for (String jar : jars) {
                try (JarFile file = new JarFile(jar)) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")
                                || name.endsWith("package-info.class")) {
                            continue;
                        }
                        try {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                            loaded++;
                        } catch (ClassNotFoundException | LinkageError e) {
                            // an optional dependency these jars leave out
                        }
                    }
                }
            }
        }
        double wall = (System.nanoTime() - start) / 1e6;
        double thread = (threads.getCurrentThreadCpuTime() - threadStart) / 1e6;
        System.out.printf("loaded %d classes; wall %.0f ms; cpu %.0f ms; thread %.0f ms%n", loaded, wall,
                StartupBenchmark.cpuMillis(ProcessHandle.current().pid()), thread);
    }

    private static void compare(int rounds, String[] namesAndCommands) throws Exception {
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndCommands.length; i += 2) {
            commands.put(namesAndCommands[i], namesAndCommands[i + 1]);
        }
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> thread = new LinkedHashMap<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String> command : commands.entrySet()) {
                String line = run(command.getValue());
                String[] words = line.split("[ ;]+"); // loaded N classes wall W ms cpu C ms thread T ms
                classes.put(command.getKey(), Integer.parseInt(words[1]));
                wall.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(Double.parseDouble(words[4]));
                cpu.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(Double.parseDouble(words[7]));
                thread.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(Double.parseDouble(words[10]));
                System.out.printf("run %d %s %s%n", round, command.getKey(), line);
            }
        }
        for (String name : commands.keySet()) {
            System.out.printf("classload %s %d %.0f %.0f %.0f%n", name, classes.get(name), median(wall.get(name)), median(cpu.get(name)),
                    median(thread.get(name)));
        }
        String base = commands.keySet().iterator().next();
        for (String name : commands.keySet()) {
            if (name.equals(base)) {
                continue;
            }
            for (Map.Entry<String, Map<String, List<Double>>> measure : Map.of("cpu", cpu, "wall", wall, "thread", thread).entrySet()) {
                List<Double> a = measure.getValue().get(base);
                List<Double> b = measure.getValue().get(name);
                double[] d = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    d[i] = b.get(i) - a.get(i);
                }
                Arrays.sort(d);
                double med = StartupBenchmark.quantile(d, 0.5);
                System.out.printf("paired %s %s %.0f %.0f %.0f %.0f %.0f per-class-us %.1f%n", measure.getKey(), name, med,
                        StartupBenchmark.quantile(d, 0.25), StartupBenchmark.quantile(d, 0.75), d[0], d[d.length - 1],
                        med * 1000 / classes.get(name));
            }
        }
    }

    private static String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "exec " + command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("loaded ")) {
                    result = line;
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("failed: " + command + "\n" + all);
        }
        return result;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return StartupBenchmark.quantile(sorted, 0.5);
    }
}
