package org.ahibridge.emulator.latency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A blocking TCP server on loopback, a thread per connection, for the proxy's tests: {@link #echo()} sends
 * back what it reads until the client's end of stream, then closes; {@link #firehose} reads one byte, then
 * writes a number of bytes as fast as the connection takes them and counts what it wrote;
 * {@link #answerThenReset} answers a request and resets.
 */
final class LoopbackServer implements AutoCloseable {

    interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private LoopbackServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptAll(handler), "loopback-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LoopbackServer echo() throws IOException {
        return new LoopbackServer(socket -> {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
            }
            socket.close();
        });
    }

    static LoopbackServer firehose(long bytes, AtomicLong written) throws IOException {
        return new LoopbackServer(socket -> {
            // Read the client's one byte: a socket closed with unread input ends with a reset, not an end of stream.
            socket.getInputStream().read();
            OutputStream out = socket.getOutputStream();
            byte[] block = new byte[16 * 1024];
            for (long left = bytes; left > 0; left -= block.length) {
                int size = (int) Math.min(block.length, left);
                out.write(block, 0, size);
                written.addAndGet(size);
            }
            socket.close();
        });
    }

    /**
     * Reads one byte of each connection's request, writes {@code answer}, then closes with a reset (no lingering,
     * and the rest of the request unread). It waits for the request as a server does: one that resets a connection
     * the moment it accepts it can fail the proxy's connect (whose handshake then ends in the reset).
     */
    static LoopbackServer answerThenReset(byte[] answer) throws IOException {
        return new LoopbackServer(socket -> {
            socket.getInputStream().read();
            socket.getOutputStream().write(answer);
            socket.setSoLinger(true, 0);
            socket.close();
        });
    }

    private void acceptAll(Handler handler) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread worker = new Thread(() -> {
                    try {
                        handler.serve(socket);
                    } catch (IOException e) {
                        // the client or the test closed the connection
                    }
                }, "loopback-server-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
