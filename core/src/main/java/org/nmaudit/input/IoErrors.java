package org.nmaudit.input;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in words a billing clerk knows: "permission denied", "no such file or folder", "disk
 * full", never a Java class name such as java.nio.file.AccessDeniedException (whose own message is
 * only the path). Used wherever nmaudit reports an IOException.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * What went wrong, e.g. {@code permission denied (/srv/reports/run.json)}; the path is left out when
     * the exception does not name one.
     */
    public static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String what = what(cause);
        String file = cause instanceof FileSystemException fs ? fs.getFile() : null;
        String other = cause instanceof FileSystemException fs ? fs.getOtherFile() : null;
        if (file == null) {
            return what;
        }
        return what + " (" + EchoedText.of(file, 200) + (other == null ? "" : " -> " + EchoedText.of(other, 200))
                + ")";
    }

    private static String what(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "the folders link to themselves in a loop";
        }
        if (e instanceof CharacterCodingException) {
            return "the text is not valid UTF-8";
        }
        if (e instanceof EOFException) {
            return "the file ends too early";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "the file system refused" : plain(fs.getReason());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : plain(message);
    }

    /** The operating system's reason in plain words, in lower case as the rest of the sentence is. */
    private static String plain(String reason) {
        String known = switch (reason.strip()) {
            case "Permission denied", "Operation not permitted" -> "permission denied";
            case "No such file or directory" -> "no such file or folder";
            case "Not a directory" -> "not a folder";
            case "Is a directory" -> "is a folder, not a file";
            case "No space left on device", "Disk quota exceeded" -> "the disk is full";
            case "Read-only file system" -> "the disk is read-only";
            case "File name too long" -> "the file name is too long";
            default -> null;
        };
        if (known != null) {
            return known;
        }
        String r = EchoedText.of(reason.strip(), 300);
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }
}
