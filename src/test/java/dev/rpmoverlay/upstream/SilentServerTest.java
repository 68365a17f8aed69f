package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.FedoraProject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 6: a server that accepts the connection and never says a word must not hang a
 * fetch (which holds the project lock): the network timeout applies to git:// as to http://.
 */
class SilentServerTest {
  @TempDir Path tmp;
  ServerSocket listener;
  final List<Socket> accepted = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!listener.isClosed()) {
        try {
          Socket s = listener.accept(); // accepted, never read from or written to
          synchronized (accepted) {
            accepted.add(s);
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-server");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  String url(String scheme) {
    return scheme + "://127.0.0.1:" + listener.getLocalPort() + "/rpms/curl.git";
  }

  void assertFetchGivesUpWithinTheTimeout(String scheme) throws IOException {
    int timeoutSeconds = 2;
    MirrorStore mirrors = new MirrorStore(tmp.resolve("mirrors"), RetryPolicy.of(0), timeoutSeconds);
    UpstreamCoordinates c = new UpstreamCoordinates("curl", "curl", url(scheme), "f43", "", "");
    long start = System.nanoTime();
    try (Repository repo = mirrors.open(c)) {
      assertThatThrownBy(() -> mirrors.fetch(repo, c)).isInstanceOf(UpstreamException.class)
          .hasMessageContaining("component 'curl'");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // The documented bound is the timeout per attempt; allow generous slack for a loaded machine.
    assertThat(took).isLessThan(Duration.ofSeconds(timeoutSeconds + 20));
  }

  @Test
  @Timeout(120)
  void aSilentGitDaemonTimesOut() throws IOException {
    assertFetchGivesUpWithinTheTimeout("git");
  }

  @Test
  @Timeout(120)
  void fetchFromASilentGitDaemonFailsTheComponentWithinTheConfiguredTimeoutAndRetries() throws IOException {
    Path project = FedoraProject.write(tmp.resolve("project"), "git://127.0.0.1:" + listener.getLocalPort() + "/rpms/", "curl");
    long start = System.nanoTime();

    dev.rpmoverlay.cli.CliRun run = dev.rpmoverlay.cli.CliRun.of("-C", project.toString(), "fetch", "-a",
        "--mirror-dir", tmp.resolve("mirrors").toString(), "--network-timeout", "2", "--network-retries", "1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("component 'curl'").contains("fetch failed after 2 attempt(s): Read timed out");
    // two attempts of 2 s and one backoff of 0.5 s, plus slack for a loaded machine
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  @Timeout(120)
  void aSilentHttpServerTimesOut() throws IOException {
    assertFetchGivesUpWithinTheTimeout("http");
  }
}
