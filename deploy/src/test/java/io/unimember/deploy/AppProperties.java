package io.unimember.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The configuration properties an app reads, collected from its sources, so that an environment variable set by
 * compose or Kubernetes can be checked against them with Spring Boot's own relaxed binding.
 *
 * <p>Read from the module, and from {@code common} when the module depends on it: the keys of
 * {@code application*.yml} (and common's {@code unimember-defaults.yml}), every {@code ${placeholder}} in those files
 * and in the Java sources, {@code @ConfigurationProperties} records (prefix + component, kebab-case) and
 * {@code getProperty("...")} calls.
 */
final class AppProperties {

    /** Properties Spring Boot itself reads that an app need not mention. */
    private static final Set<String> BOOT = Set.of("spring.profiles.active");

    /** Environment variables read by the JVM, not by Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private static final Set<String> SCALAR_TYPES = Set.of(
            "String",
            "int",
            "long",
            "boolean",
            "double",
            "Integer",
            "Long",
            "Boolean",
            "Double",
            "Duration",
            "Period",
            "URI",
            "URL",
            "BigDecimal",
            "DataSize",
            "ZoneId",
            "LocalTime",
            "Instant",
            "Path",
            "char");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9._\\-\\[\\]]+)[:}]");
    private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*\"([a-z0-9.\\-\\[\\]]+)\"");
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"[^)]*\\)");
    private static final Pattern RECORD_START = Pattern.compile("\\brecord\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(?:\\s*\\((?:[^()\"]|\"[^\"]*\")*\\))?");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    private static final Map<String, AppProperties> APPS = new ConcurrentHashMap<>();
    private static final Map<Path, AppProperties> MODULE_SCANS = new ConcurrentHashMap<>();

    private final String module;
    /** Placeholders that name an environment variable directly ({@code ${UNIMEMBER_PHONE_PEPPER:...}}). */
    private final Set<String> variables = new TreeSet<>();

    private final Set<String> names = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();
    private List<ConfigurationPropertyName> parsedNames = List.of();
    private List<ConfigurationPropertyName> parsedPrefixes = List.of();

    private AppProperties(String module) {
        this.module = module;
    }

    static AppProperties of(String module) {
        return APPS.computeIfAbsent(module, AppProperties::read);
    }

    private static AppProperties read(String module) {
        var properties = new AppProperties(module);
        properties.names.addAll(BOOT);
        var moduleDir = DeployFiles.ROOT.resolve(module);
        properties.add(scan(moduleDir));
        if (DeployFiles.read(moduleDir.resolve("pom.xml")).contains("<artifactId>common</artifactId>")) {
            properties.add(scan(DeployFiles.ROOT.resolve("common")));
        }
        properties.parsedNames = parse(properties.names);
        properties.parsedPrefixes = parse(properties.prefixes);
        return properties;
    }

    /** What one module's sources declare (common is read once and shared by the five services). */
    private static AppProperties scan(Path moduleDir) {
        return MODULE_SCANS.computeIfAbsent(moduleDir, dir -> {
            var scan = new AppProperties(dir.getFileName().toString());
            scan.readModule(dir);
            return scan;
        });
    }

    private void add(AppProperties scan) {
        variables.addAll(scan.variables);
        names.addAll(scan.names);
        prefixes.addAll(scan.prefixes);
    }

    private static List<ConfigurationPropertyName> parse(Set<String> names) {
        return names.stream()
                .map(ConfigurationPropertyName::ofIfValid)
                .filter(Objects::nonNull)
                .toList();
    }

    /** True when Spring would bind this environment variable to a property the app reads. */
    boolean reads(String variable) {
        if (JVM_VARIABLES.contains(variable) || variables.contains(variable)) {
            return true;
        }
        var env = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x"));
        var source = ConfigurationPropertySource.from(env);
        return parsedNames.stream().anyMatch(n -> source.getConfigurationProperty(n) != null)
                || parsedPrefixes.stream()
                        .anyMatch(n -> source.containsDescendantOf(n) == ConfigurationPropertyState.PRESENT);
    }

    /** The variables among these that Spring would bind to nothing the app reads. */
    List<String> unread(java.util.Collection<String> variables) {
        return variables.stream().filter(v -> !reads(v)).sorted().toList();
    }

    @Override
    public String toString() {
        return module + " reads " + names + ", anything under " + prefixes + " and the variables " + variables;
    }

    private void readModule(Path moduleDir) {
        var resources = moduleDir.resolve("src/main/resources");
        for (Path yml : files(resources, 1)) {
            var name = yml.getFileName().toString();
            if (name.matches("(application.*|unimember-defaults)\\.ya?ml")) {
                DeployFiles.yamlDocuments(yml).forEach(doc -> flatten("", doc));
                placeholders(DeployFiles.read(yml));
            }
        }
        for (Path java : files(moduleDir.resolve("src/main/java"), Integer.MAX_VALUE)) {
            if (java.toString().endsWith(".java")) {
                readJava(DeployFiles.read(java));
            }
        }
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v));
        } else if (node instanceof List<?> list) {
            names.add(prefix);
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i));
            }
        } else if (!prefix.isEmpty()) {
            names.add(prefix);
        }
    }

    private void placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            var name = m.group(1);
            (ConfigurationPropertyName.isValid(name) ? names : variables).add(name);
        }
    }

    private void readJava(String source) {
        var code = LINE_COMMENT
                .matcher(BLOCK_COMMENT.matcher(source).replaceAll(""))
                .replaceAll("");
        placeholders(code);
        Matcher get = GET_PROPERTY.matcher(code);
        while (get.find()) {
            names.add(get.group(1));
        }
        Matcher cp = CONFIGURATION_PROPERTIES.matcher(code);
        while (cp.find()) {
            var prefix = cp.group(1);
            Matcher record = RECORD_START.matcher(code);
            if (record.find(cp.end()) && record.start() - cp.end() < 400) {
                components(prefix, code, record.end());
            } else {
                // On a @Bean method or a JavaBean: accept anything under the prefix.
                prefixes.add(prefix);
            }
        }
    }

    /** Adds prefix.component for each record component; structured ones (lists, maps, records) as prefixes. */
    private void components(String prefix, String code, int from) {
        int depth = 1;
        int end = from;
        while (end < code.length() && depth > 0) {
            char c = code.charAt(end++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        var header = ANNOTATION.matcher(code.substring(from, end - 1)).replaceAll(" ");
        int angle = 0;
        var part = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            angle += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && angle == 0) {
                component(prefix, part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
    }

    private void component(String prefix, String declaration) {
        var tokens = declaration.split("\\s+");
        if (declaration.isBlank() || tokens.length < 2) {
            return;
        }
        var name = prefix + "." + kebab(tokens[tokens.length - 1]);
        var type = String.join(" ", List.of(tokens).subList(0, tokens.length - 1));
        if (SCALAR_TYPES.contains(type.replace("final ", "").trim())) {
            names.add(name);
        } else {
            prefixes.add(name);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Path> files(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
