package io.trailwatch.detect.sigma;

import io.trailwatch.config.RuleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The rule files at the paths a user gives: a file is read whatever its name; a directory is
 * searched recursively for {@code .yml} and {@code .yaml} files, in name order, skipping hidden
 * directories ({@code .git}, {@code .github}). What cannot be read is a problem naming the path.
 */
public final class RuleFileReader {
    /** Larger rule files are refused: no rule needs more. */
    static final long MAX_BYTES = 1024 * 1024;

    private RuleFileReader() {}

    /** The files read and the paths that could not be. */
    public record Result(List<RuleFile> files, List<RuleProblem> problems) {}

    public static Result read(List<Path> paths) {
        List<RuleFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : ruleFiles(p, problems)) {
                    read(f, files, problems);
                }
            } else if (Files.exists(p)) {
                read(p, files, problems);
            } else {
                problems.add(new RuleProblem(p.toString(), 0, null, "no such file or directory"));
            }
        }
        return new Result(List.copyOf(files), List.copyOf(problems));
    }

    private static List<Path> ruleFiles(Path dir, List<RuleProblem> problems) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(
                    dir,
                    EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                            String name = d.getFileName() == null ? "" : d.getFileName().toString();
                            return !d.equals(dir) && name.startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (a.isRegularFile()
                                    && (name.endsWith(".yml") || name.endsWith(".yaml"))
                                    && !name.endsWith(".tests.yml")
                                    && !name.endsWith(".tests.yaml")) {
                                out.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            problems.add(
                                    new RuleProblem(
                                            f.toString(), 0, null, "cannot read: " + why(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            problems.add(
                    new RuleProblem(dir.toString(), 0, null, "cannot read: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static void read(Path f, List<RuleFile> files, List<RuleProblem> problems) {
        try {
            if (!Files.isRegularFile(f)) {
                problems.add(new RuleProblem(f.toString(), 0, null, "not a regular file"));
                return;
            }
            if (Files.size(f) > MAX_BYTES) {
                problems.add(
                        new RuleProblem(
                                f.toString(), 0, null, "larger than " + MAX_BYTES / 1024 + " KiB"));
                return;
            }
            byte[] bytes = Files.readAllBytes(f);
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
            files.add(new RuleFile(f.toString(), text));
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(f.toString(), 0, null, "not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new RuleProblem(f.toString(), 0, null, "cannot read: " + why(e)));
        }
    }

    private static String why(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " " + e.getMessage();
    }
}
