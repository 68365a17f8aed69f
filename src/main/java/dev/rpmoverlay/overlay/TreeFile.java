package dev.rpmoverlay.overlay;

import java.util.Arrays;

/**
 * One file of a component's source tree: its bytes and whether it is executable (the only mode
 * bit that matters, as in git).
 */
public record TreeFile(byte[] content, boolean executable) {

  public TreeFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  public TreeFile withContent(byte[] newContent) {
    return new TreeFile(newContent, executable);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreeFile f && f.executable == executable && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(content) * 31 + Boolean.hashCode(executable);
  }

  @Override
  public String toString() {
    return "TreeFile[" + content.length + " bytes" + (executable ? ", executable" : "") + "]";
  }
}
