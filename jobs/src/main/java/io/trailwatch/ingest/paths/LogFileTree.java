package io.trailwatch.ingest.paths;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The log files of a replay's input paths: the regular files among the paths given and,
 * recursively, in the directories among them.
 *
 * <p>Whatever cannot be read as a log file is skipped with the reason, and is never opened: a
 * dangling symbolic link, a loop of links, a file or directory without read permission, a named
 * pipe, socket or device (reading one waits for a writer for ever, or never ends). Symbolic links
 * are followed, into each real directory once: a directory is read at its own path when it has one
 * in the tree, links to directories being followed only after the tree itself; a link to a
 * directory above it is a loop, and is skipped; a link to a directory read already, and a second
 * path to a file found already, are left out without a word, since nothing of theirs is lost. Below
 * the paths given, names starting with '.' or '_' are left out without a word, as Flink's file
 * source does (hidden files, and the marker files of the jobs that write logs). Among them, the
 * {@link FlowFormatFile}s in the directories walked and beside the files given are noted: they
 * declare the format of flow lines without a header.
 */
public final class LogFileTree {
    private static final Comparator<Path> BY_NAME =
            Comparator.comparing(p -> p.getFileName().toString());

    private final List<Path> files = new ArrayList<>();
    private final List<SkippedPath> skipped = new ArrayList<>();
    private final Set<Path> flowFormatFiles = new LinkedHashSet<>();
    private long bytes;
    private final Set<Object> seenFiles = new HashSet<>();
    private final Set<Object> seenDirectories = new HashSet<>();
    private final Deque<Path> linkedDirectories = new ArrayDeque<>();
    private final Deque<Path> todo = new ArrayDeque<>();

    private LogFileTree() {}

    /** The log files of these paths, and the paths skipped, in the order given and by name. */
    public static LogFileTree walk(List<Path> paths) {
        LogFileTree tree = new LogFileTree();
        for (Path path : paths) {
            tree.visit(path, true);
            tree.walkTodo();
        }
        Path link;
        while ((link = tree.linkedDirectories.poll()) != null) {
            tree.followLink(link);
            tree.walkTodo();
        }
        return tree;
    }

    /** The regular, readable files found. */
    public List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    /** What was found but not taken, with why. */
    public List<SkippedPath> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /**
     * The {@link FlowFormatFile}s in the directories walked and beside the files given, unread:
     * whatever is there by that name, in the order found.
     */
    public List<Path> flowFormatFiles() {
        return List.copyOf(flowFormatFiles);
    }

    /** The size of the files found, in bytes. */
    public long bytes() {
        return bytes;
    }

    private void walkTodo() {
        Path next;
        while ((next = todo.poll()) != null) {
            visit(next, false);
        }
    }

    private void visit(Path path, boolean given) {
        boolean link;
        BasicFileAttributes attrs;
        try {
            BasicFileAttributes own =
                    Files.readAttributes(
                            path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            link = own.isSymbolicLink();
            attrs = link ? Files.readAttributes(path, BasicFileAttributes.class) : own;
        } catch (NoSuchFileException e) {
            skip(
                    path,
                    Files.isSymbolicLink(path)
                            ? "dangling symbolic link (to " + linkText(path) + ")"
                            : "no such file or directory");
            return;
        } catch (IOException e) {
            skip(path, reason(e));
            return;
        }
        if (attrs.isDirectory()) {
            if (link && !given) {
                linkedDirectories.add(path);
            } else {
                directory(path, attrs);
            }
        } else if (attrs.isRegularFile()) {
            if (given) {
                besideGivenFile(path);
            }
            file(path, attrs);
        } else {
            skip(path, notAFile(path));
        }
    }

    private void followLink(Path link) {
        if (leadsAbove(link)) {
            skip(link, "symbolic link loop (to " + linkText(link) + ", a directory above it)");
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            skip(link, reason(e));
            return;
        }
        directory(link, attrs);
    }

    private void directory(Path dir, BasicFileAttributes attrs) {
        if (!seenDirectories.add(key(dir, attrs))) {
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path entry : listing) {
                if (!hidden(entry)) {
                    entries.add(entry);
                } else if (entry.getFileName().toString().equals(FlowFormatFile.NAME)) {
                    flowFormatFiles.add(entry);
                }
            }
        } catch (IOException e) {
            skip(dir, reason(e));
        } catch (DirectoryIteratorException e) {
            skip(dir, "only partly listed: " + reason(e.getCause()));
        }
        entries.sort(BY_NAME);
        for (int i = entries.size() - 1; i >= 0; i--) {
            todo.push(entries.get(i));
        }
    }

    private void besideGivenFile(Path file) {
        Path parent = file.getParent();
        Path flowFormat =
                parent == null ? Path.of(FlowFormatFile.NAME) : parent.resolve(FlowFormatFile.NAME);
        if (Files.exists(flowFormat, LinkOption.NOFOLLOW_LINKS)) {
            flowFormatFiles.add(flowFormat);
        }
    }

    private void file(Path file, BasicFileAttributes attrs) {
        if (!seenFiles.add(key(file, attrs))) {
            return;
        }
        // Permissions are not the whole story (access control lists, root): opening it tells.
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.READ)) {
            files.add(file);
            bytes += attrs.size();
        } catch (IOException e) {
            skip(file, reason(e));
        }
    }

    private void skip(Path path, String reason) {
        skipped.add(new SkippedPath(path, reason));
    }

    private static boolean hidden(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }

    /** Whether a link, found in a directory, leads to that directory or one above it. */
    private static boolean leadsAbove(Path link) {
        try {
            Path parent = link.toAbsolutePath().getParent();
            return parent != null && parent.toRealPath().startsWith(link.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** What identifies a file or directory whatever the path to it: device and inode. */
    private static Object key(Path path, BasicFileAttributes attrs) {
        if (attrs.fileKey() != null) {
            return attrs.fileKey();
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static String notAFile(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a named pipe (FIFO), not a file";
                case 0140000:
                    return "a socket, not a file";
                case 0020000:
                    return "a character device, not a file";
                case 0060000:
                    return "a block device, not a file";
                default:
                    break;
            }
        } catch (IOException
                | UnsupportedOperationException
                | IllegalArgumentException
                | ClassCastException e) {
            // no Unix file modes here: the general reason says enough
        }
        return "neither a regular file nor a directory";
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            String reason = ((FileSystemException) e).getReason();
            // ELOOP: the links lead round in a circle (or more than 40 deep)
            return reason.startsWith("Too many levels of symbolic links")
                    ? "symbolic link loop"
                    : reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
