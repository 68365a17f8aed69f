package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a git server that can drop connections after a given number
 * of server-to-client bytes: a server that dies in the middle of sending a pack.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private volatile long cutAfterBytes = -1;
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger cuts = new AtomicInteger();

  CuttingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::acceptLoop, "cutting-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Drop every new connection after {@code bytes} bytes from the server; negative = never. */
  void cutAfter(long bytes) {
    cutAfterBytes = bytes;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        long limit = cutAfterBytes;
        pump(client.getInputStream(), server.getOutputStream(), -1, client, server);
        pump(server.getInputStream(), client.getOutputStream(), limit, client, server);
      } catch (IOException e) {
        // listener closed, or the target refused: the client sees a dropped connection
      }
    }
  }

  private void pump(InputStream in, OutputStream out, long limit, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[1024];
      long sent = 0;
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (limit >= 0 && sent + n > limit) {
            out.write(buf, 0, (int) (limit - sent));
            out.flush();
            cuts.incrementAndGet();
            break;
          }
          out.write(buf, 0, n);
          out.flush();
          sent += n;
        }
      } catch (IOException e) {
        // the other side went away
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
