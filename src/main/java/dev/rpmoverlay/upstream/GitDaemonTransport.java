package dev.rpmoverlay.upstream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BasePackFetchConnection;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.GitProtocolConstants;
import org.eclipse.jgit.transport.PackTransport;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TcpTransport;
import org.eclipse.jgit.transport.URIish;

/**
 * Fetching over {@code git://} with a read timeout that works.
 *
 * <p>JGit's own {@code git://} transport enforces {@link #setTimeout} by interrupting the reading
 * thread, and an interrupt does not unblock a read on a {@link Socket}: a daemon that accepts the
 * connection and never answers hung a fetch, and the project lock with it, forever. This is the
 * same protocol exchange as JGit's {@code TransportGitAnon} (the request line, then JGit's pack
 * negotiation, protocol v2 when the daemon offers it), with {@code SO_TIMEOUT} on the socket so
 * every read gives up after the timeout, as over {@code http://}. Fetch only.
 */
final class GitDaemonTransport extends TcpTransport implements PackTransport {
  private static final int GIT_PORT = 9418;

  GitDaemonTransport(Repository local, URIish uri) {
    super(local, uri);
  }

  @Override
  public FetchConnection openFetch() throws TransportException {
    return new Connection(List.of());
  }

  @Override
  public FetchConnection openFetch(Collection<RefSpec> refSpecs, String... additionalPatterns) throws TransportException {
    return new Connection(refSpecs, additionalPatterns);
  }

  @Override
  public PushConnection openPush() throws NotSupportedException {
    throw new NotSupportedException("rpmoverlay never pushes");
  }

  @Override
  public void close() {
    // each connection owns its socket
  }

  private Socket connect() throws TransportException {
    int millis = Math.max(0, getTimeout()) * 1000;
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort() > 0 ? uri.getPort() : GIT_PORT), millis);
      s.setSoTimeout(millis);
      return s;
    } catch (IOException e) {
      closeQuietly(s);
      throw new TransportException(uri, e.getMessage(), e);
    }
  }

  /** git-daemon's request: {@code git-upload-pack PATH\0host=HOST[:PORT]\0\0version=2\0}. */
  private String request() {
    String host = uri.getHost() + (uri.getPort() > 0 && uri.getPort() != GIT_PORT ? ":" + uri.getPort() : "");
    return "git-upload-pack " + uri.getPath() + "\0host=" + host + "\0\0" + GitProtocolConstants.VERSION_2_REQUEST + "\0";
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already failing or closing
    }
  }

  private final class Connection extends BasePackFetchConnection {
    private Socket socket;

    Connection(Collection<RefSpec> refSpecs, String... additionalPatterns) throws TransportException {
      super(GitDaemonTransport.this);
      socket = connect();
      try {
        init(new BufferedInputStream(socket.getInputStream()), new BufferedOutputStream(socket.getOutputStream()));
        pckOut.writeString(request());
        pckOut.flush();
      } catch (IOException e) {
        close();
        throw new TransportException(uri, "the server hung up unexpectedly", e);
      }
      if (!readAdvertisedRefs()) {
        lsRefs(refSpecs, additionalPatterns);
      }
    }

    @Override
    public void close() {
      super.close();
      if (socket != null) {
        closeQuietly(socket);
        socket = null;
      }
    }
  }
}
