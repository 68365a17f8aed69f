package dev.rpmoverlay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds bare dist-git-like repositories for the fetch benchmark: a spec that changes every
 * commit, a {@code sources} file, a few patches and an executable script, with one commit a day.
 * Deterministic for a given name and seed.
 */
final class SyntheticDistGit {
  private SyntheticDistGit() {}

  static void create(Path dir, String name, String branch, int commits, long seed) throws IOException {
    Random random = new Random(seed ^ name.hashCode());
    try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
      repo.create(true);
      try (ObjectInserter ins = repo.newObjectInserter()) {
        ObjectId parent = null;
        Instant time = Instant.parse("2024-01-01T00:00:00Z");
        byte[] patch = randomText(random, 6000);
        byte[] script = ("#!/bin/sh\n# regenerate the tarball of " + name + "\nexit 0\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i <= commits; i++) {
          StringBuilder spec = new StringBuilder("Name: " + name + "\nVersion: 1." + i + "\nRelease: %autorelease\n"
              + "Summary: synthetic package\nLicense: MIT\nSource0: " + name + "-1." + i + ".tar.gz\nPatch0: fix.patch\n\n"
              + "%description\nSynthetic.\n\n%prep\n%autosetup -p1\n\n%build\n%configure\n%make_build\n\n%install\n%make_install\n\n"
              + "%files\n/usr/bin/" + name + "\n\n%changelog\n%autochangelog\n");
          TreeFormatter tree = new TreeFormatter();
          // TreeFormatter needs entries in git's sorted order.
          tree.append("fix.patch", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, patch));
          tree.append("generate-tarball.sh", FileMode.EXECUTABLE_FILE, ins.insert(Constants.OBJ_BLOB, script));
          tree.append(name + ".spec", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, spec.toString().getBytes(StandardCharsets.UTF_8)));
          tree.append("sources", FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB,
              ("SHA512 (" + name + "-1." + i + ".tar.gz) = " + hex(random, 64) + "\n").getBytes(StandardCharsets.UTF_8)));
          CommitBuilder c = new CommitBuilder();
          c.setTreeId(ins.insert(tree));
          PersonIdent who = new PersonIdent("Packager", "packager@example.org", time, ZoneOffset.UTC);
          c.setAuthor(who);
          c.setCommitter(who);
          c.setMessage("Update to 1." + i + "\n");
          if (parent != null) {
            c.setParentId(parent);
          }
          parent = ins.insert(c);
          time = time.plusSeconds(86_400);
        }
        ins.flush();
        RefUpdate ru = repo.updateRef("refs/heads/" + branch);
        ru.setNewObjectId(parent);
        ru.forceUpdate();
      }
    }
  }

  private static byte[] randomText(Random r, int size) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < size) {
      sb.append("+ line ").append(r.nextInt(1_000_000)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(Random r, int bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "%02x", r.nextInt(256)));
    }
    return sb.toString();
  }
}
