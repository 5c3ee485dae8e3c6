package dev.lanyard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web UI's ES modules, read from the sources the WAR serves, form no cycle: with a cycle a module can run
 * before the one it imports has set its exports, and every view depends on every other through the entry.
 */
class ModuleGraphTest {

    private static final Path ROOT = Path.of("src", "main", "webapp", "js");
    private static final String ENTRY = "app.js";
    // Static imports and re-exports ("... from './x.js'"), side-effect imports and dynamic import('./x.js').
    private static final Pattern IMPORT =
            Pattern.compile("\\bfrom\\s*['\"]([^'\"]+)['\"]|\\bimport\\s*\\(?\\s*['\"]([^'\"]+)['\"]");

    @Test
    void everyImportNamesAModuleThatExists() {
        graph().forEach((module, imports) -> assertThat(imports)
                .as("imports of %s", module)
                .allSatisfy(target -> assertThat(ROOT.resolve(target)).isRegularFile()));
    }

    @Test
    void noModuleImportsItselfThroughOthers() {
        assertThat(cycles(graph()))
                .as("import cycles among the modules under %s", ROOT)
                .isEmpty();
    }

    @Test
    void onlyTheEntryImportsViews() {
        graph().forEach((module, imports) -> {
            if (!module.equals(ENTRY)) {
                assertThat(imports).as("imports of %s", module).noneMatch(target -> target.startsWith("views/"));
            }
        });
    }

    /** Each module (its path under js/, with /) and the modules it imports. */
    static Map<String, List<String>> graph() {
        Map<String, List<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                List<String> imports = new ArrayList<>();
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    String specifier = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    imports.add(name(file.getParent().resolve(specifier).normalize()));
                }
                graph.put(name(file), imports);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(graph).containsKey(ENTRY);
        return graph;
    }

    /** Every cycle met by a depth-first walk, each as the chain of modules that closes it. */
    static List<String> cycles(Map<String, List<String>> graph) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayDeque<>(), done, cycles);
        }
        return cycles;
    }

    private static void walk(
            String module, Map<String, List<String>> graph, Deque<String> path, Set<String> done, List<String> cycles) {
        if (path.contains(module)) {
            List<String> chain = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(module), chain.size()));
            cycle.add(module);
            cycles.add(String.join(" -> ", cycle));
            return;
        }
        if (!done.add(module)) {
            return;
        }
        path.addLast(module);
        for (String target : graph.getOrDefault(module, List.of())) {
            walk(target, graph, path, done, cycles);
        }
        path.removeLast();
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }
}
