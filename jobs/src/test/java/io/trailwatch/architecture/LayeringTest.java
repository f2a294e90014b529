package io.trailwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layering of DESIGN.md §8: decoders, ownership matching, the analysis of decoded
 * records, rule predicates, formatting and the model are plain Java, testable without Flink; so are
 * the windowed rules' signals and decisions (detect.signals, detect.windowed), whose operators live
 * in detect.patterns and detect.correlate. Flink lives in the operators, sources, sinks and the
 * pipeline.
 */
@AnalyzeClasses(packages = "io.trailwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule pureCodeHasNoFlink =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "io.trailwatch.model",
                            "io.trailwatch.ingest",
                            "io.trailwatch.ownership",
                            "io.trailwatch.analysis",
                            "io.trailwatch.detect",
                            "io.trailwatch.detect.rules",
                            "io.trailwatch.detect.signals",
                            "io.trailwatch.detect.windowed",
                            "io.trailwatch.alert",
                            "io.trailwatch.alert.format",
                            "io.trailwatch.alert.route",
                            "io.trailwatch.alert.delivery",
                            "io.trailwatch.config",
                            "io.trailwatch.generate")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.apache.flink..");

    @ArchTest
    static final ArchRule pureCodeDoesNotReachIntoThePipeline =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "io.trailwatch.model",
                            "io.trailwatch.ingest",
                            "io.trailwatch.ownership",
                            "io.trailwatch.analysis")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("io.trailwatch.pipeline..", "io.trailwatch.cli..");
}
