package io.unimember.deploy;

import static io.unimember.deploy.DeployFiles.at;
import static io.unimember.deploy.DeployFiles.listAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** PromQL expressions of the alert rules and the dashboard, and the metric names in them. */
final class PromQl {

    private PromQl() {}

    private static final Pattern NAME = Pattern.compile("(?<![\\w$])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|up)(?=\\s*[{\\[)])");
    private static final Set<String> FUNCTIONS = Set.of("histogram_quantile", "label_values", "max_over_time");

    static List<String> alertExpressions(Map<String, Object> alerts) {
        var expressions = new ArrayList<String>();
        for (var group : listAt(alerts, "groups")) {
            for (var rule : listAt(group, "rules")) {
                expressions.add((String) at(rule, "expr"));
            }
        }
        return expressions;
    }

    static List<String> dashboardExpressions(JsonNode dashboard) {
        var expressions = new ArrayList<String>();
        dashboard.get("panels").forEach(p -> p.path("targets")
                .forEach(t -> expressions.add(t.path("expr").asString())));
        return expressions;
    }

    /** Metric names, with the histogram/summary suffixes a Timer adds folded into the base name. */
    static Set<String> names(String expression) {
        var names = new TreeSet<String>();
        NAME.matcher(expression)
                .results()
                .map(m -> m.group(1))
                .filter(n -> !FUNCTIONS.contains(n))
                .map(n -> n.replaceAll("_(bucket|count|sum)$", ""))
                .forEach(names::add);
        return names;
    }
}
