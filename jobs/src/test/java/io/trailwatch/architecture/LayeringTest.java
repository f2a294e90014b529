package io.trailwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layering of docs/ARCHITECTURE.md: decoders, ownership matching, the rule registry and
 * rule logic, formatting and the model are plain Java, testable without Flink; so are the stateful
 * rules' signals and decisions (detect.signals, detect.windowed), whose operators live in
 * detect.operators (and their savepoint-named serializers in detect.patterns). Flink lives in the
 * operators, sources, sinks and the pipeline. No package depends on another that depends back on
 * it.
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
                            "io.trailwatch.ingest.paths",
                            "io.trailwatch.ownership",
                            "io.trailwatch.analysis",
                            "io.trailwatch.detect",
                            "io.trailwatch.detect.catalog",
                            "io.trailwatch.detect.rules",
                            "io.trailwatch.detect.signals",
                            "io.trailwatch.detect.windowed",
                            "io.trailwatch.alert",
                            "io.trailwatch.alert.format",
                            "io.trailwatch.alert.route",
                            "io.trailwatch.alert.delivery",
                            "io.trailwatch.config",
                            "io.trailwatch.metrics",
                            "io.trailwatch.csv",
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
                            "io.trailwatch.ingest.paths",
                            "io.trailwatch.ownership",
                            "io.trailwatch.analysis")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("io.trailwatch.pipeline..", "io.trailwatch.cli..");

    /** Top-level packages depend on each other in one direction only. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.trailwatch.(*)..").should().beFreeOfCycles();

    /** Nor do the packages inside one top-level package. */
    @ArchTest
    static final ArchRule noCyclesBetweenSubPackages =
            slices().matching("io.trailwatch.(**)").should().beFreeOfCycles();

    /** Configuration is read before any operator exists and never needs one. */
    @ArchTest
    static final ArchRule configDoesNotDependOnOperators =
            noClasses()
                    .that()
                    .resideInAPackage("io.trailwatch.config..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "io.trailwatch.pipeline..",
                            "io.trailwatch.cli..",
                            "io.trailwatch.detect..",
                            "io.trailwatch.alert..",
                            "org.apache.flink..");

    /** The CSV table reader serves config and ownership, so it depends on neither. */
    @ArchTest
    static final ArchRule csvDependsOnNothingOfTheProject =
            classes()
                    .that()
                    .resideInAPackage("io.trailwatch.csv..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "io.trailwatch.csv..", "java..", "org.apache.commons.csv..");
}
