package io.trailwatch.detect.sigma;

import com.google.auto.service.AutoService;
import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleProvider;
import io.trailwatch.detect.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sigma rule files shipped in the jar ({@code rules/} on the class path, listed in {@code
 * rules/shipped.list}): built-in rules like the rule classes, run by the same engine as users' rule
 * files. A shipped file that does not load is a defect of the build, so it stops the start.
 */
@AutoService(RuleProvider.class)
public final class ShippedRules implements RuleProvider {
    static final String DIRECTORY = "rules/";
    static final String LIST = DIRECTORY + "shipped.list";

    @Override
    public List<DetectionRule> rules(RuleRegistry classRules) {
        SigmaRuleSet set = SigmaRuleSet.compile(files(), classRules);
        if (!set.problems().isEmpty() || !set.warnings().isEmpty() || !set.skipped().isEmpty()) {
            throw new IllegalStateException(
                    "shipped rule files do not load: "
                            + set.problems()
                            + set.warnings()
                            + set.skipped());
        }
        List<DetectionRule> out = new ArrayList<>(set.rules());
        out.addAll(set.correlations().rules());
        return out;
    }

    /** The shipped files, in the list's order. */
    public static List<RuleFile> files() {
        List<RuleFile> files = new ArrayList<>();
        for (String name : read(LIST).split("\n")) {
            String n = name.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                files.add(new RuleFile(DIRECTORY + n, read(DIRECTORY + n)));
            }
        }
        return files;
    }

    private static String read(String resource) {
        try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
