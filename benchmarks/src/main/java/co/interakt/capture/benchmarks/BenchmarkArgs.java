package co.interakt.capture.benchmarks;

/** {@code --name value} options of the benchmark mains. */
final class BenchmarkArgs {
    private BenchmarkArgs() {
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
