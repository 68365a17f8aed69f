package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Turns an operating system's refusal (permission denied, read-only file system, disk full, a path
 * through a regular file) into one sentence naming the path and what to do. These are not bugs in
 * rpmoverlay, and Java's own messages name only the path ("AccessDeniedException: /out/c").
 */
public final class OsErrors {
  private OsErrors() {}

  /** Whether {@code e} is the OS refusing a file operation, as opposed to, say, a malformed file. */
  public static boolean isRefusal(IOException e) {
    return e instanceof FileSystemException || advice(reason(e)) != null;
  }

  /** {@code cannot use /out/c/curl: permission denied; make it writable ... or choose another output dir with -o}. */
  public static String describe(String action, IOException e) {
    return action + " " + detail(e);
  }

  /** {@code /out/c/curl: no space left on device; free some space ...}: path, reason and, when known, what to do. */
  public static String detail(IOException e) {
    String path = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
    String reason = reason(e);
    String advice = advice(reason);
    return path + reason + (advice != null ? "; " + advice : "");
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String r = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (r == null && e instanceof FileSystemException) {
      r = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
    if (r == null || r.isEmpty()) {
      return e.toString();
    }
    // the OS's strerror text ("Not a directory") reads as part of our sentence
    return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
  }

  private static String advice(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("permission denied") || r.contains("operation not permitted")) {
      return "make it writable for this user, or choose another output dir with -o";
    }
    if (r.contains("read-only file system")) {
      return "choose an output dir on a writable file system with -o";
    }
    if (r.contains("no space left") || r.contains("disk quota")) {
      return "free some space and run again (the previous output is kept)";
    }
    if (r.contains("not a directory")) {
      return "a part of that path is a regular file; choose another dir";
    }
    return null;
  }
}
