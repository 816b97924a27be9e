package io.unimember.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository as the deploy tests see it: where files are, how YAML is read, which apps exist. */
final class DeployFiles {

    static final Path ROOT =
            Path.of(System.getProperty("unimember.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");

    /** The six apps; each is a Maven module, a compose service, a Kubernetes Deployment and an image. */
    static final List<String> APPS = List.of(
            "gateway", "member-service", "points-service", "coupon-service", "tier-service", "settlement-service");

    static final List<String> INFRA = List.of("mysql", "redis", "kafka", "prometheus", "grafana");

    private DeployFiles() {}

    static Path deploy(String relative) {
        return DEPLOY.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file (a file with one document gives a list of one). */
    static List<Object> yamlDocuments(Path file) {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        var docs = new ArrayList<Object>();
        yaml.loadAll(read(file)).forEach(docs::add);
        return docs;
    }

    static Map<String, Object> yaml(Path file) {
        var docs = yamlDocuments(file);
        assertThat(docs).as(file + " documents").hasSize(1);
        return asMap(docs.getFirst());
    }

    /** YAML files under deploy/, build output left out. */
    static List<Path> yamlFilesUnderDeploy() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(p -> !DEPLOY.relativize(p).toString().startsWith("target"))
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files directly in a directory, by name. */
    static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code server.port} from {@code <module>/src/main/resources/application.yml}; skips a module not there yet. */
    static int serverPort(String module) {
        var file = ROOT.resolve(module).resolve("src/main/resources/application.yml");
        assumeTrue(Files.exists(file), () -> file + " does not exist yet");
        var port = at(yaml(file), "server", "port");
        assertThat(port).as("server.port of " + module).isInstanceOf(Integer.class);
        return (Integer) port;
    }

    /** The six apps and their server ports, in {@link #APPS} order. */
    static Map<String, Integer> appPorts() {
        var ports = new LinkedHashMap<String, Integer>();
        APPS.forEach(app -> ports.put(app, serverPort(app)));
        return ports;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** The value at a path of map keys, or null where the path ends early. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object node, String... path) {
        var value = at(node, path);
        return value == null ? Map.of() : asMap(value);
    }

    static List<Object> listAt(Object node, String... path) {
        var value = at(node, path);
        return value == null ? List.of() : asList(value);
    }
}
