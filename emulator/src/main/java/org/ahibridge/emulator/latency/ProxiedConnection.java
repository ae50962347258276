package org.ahibridge.emulator.latency;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A client connection and its connection to the target, joined by two {@link DelayedPipe}s. Used on its
 * loop's thread only. Ends of stream and resets travel like bytes, after the delay: a client's half-close
 * reaches the target as it would over a network, and a reset reaches the other side after the bytes sent
 * before it. The connection closes when both directions have passed their end on, on a reset, and at once
 * when a write fails.
 */
final class ProxiedConnection {

    /** One socket of the pair: the pipe that reads from it and the pipe that writes to it. */
    final class Side {
        private final SocketChannel channel;
        private DelayedPipe outgoing;
        private DelayedPipe incoming;
        private SelectionKey key;
        private boolean reading = true;
        private boolean writing;

        private Side(SocketChannel channel) {
            this.channel = channel;
        }

        SocketChannel channel() {
            return channel;
        }

        void ready(SelectionKey readyKey) {
            try {
                if (readyKey.isValid() && readyKey.isReadable()) {
                    outgoing.read();
                }
                if (readyKey.isValid() && readyKey.isWritable()) {
                    incoming.flush();
                }
            } catch (RuntimeException e) {
                // A failure of one connection (a key cancelled under it, say) must not end the loop that carries
                // the others.
                close();
            }
        }

        void wantRead(boolean want) {
            reading = want;
            updateInterest();
        }

        void wantWrite(boolean want) {
            writing = want;
            updateInterest();
        }

        private void updateInterest() {
            if (key != null && key.isValid()) {
                key.interestOps((reading ? SelectionKey.OP_READ : 0) | (writing ? SelectionKey.OP_WRITE : 0));
            }
        }
    }

    private final DelayLoop loop;
    private final Side client;
    private final Side upstream;
    private final DelayedPipe toUpstream;
    private final DelayedPipe toClient;
    private boolean registered;
    private boolean closed;

    ProxiedConnection(DelayLoop loop, SocketChannel clientChannel, SocketChannel upstreamChannel,
            long acceptedAtNanos) {
        this.loop = loop;
        this.client = new Side(clientChannel);
        this.upstream = new Side(upstreamChannel);
        // The client's first bytes leave as if after TCP's handshake: one round trip after it connected.
        this.toUpstream = new DelayedPipe(this, loop, client, upstream, acceptedAtNanos + 2 * loop.oneWayNanos());
        this.toClient = new DelayedPipe(this, loop, upstream, client, acceptedAtNanos);
        client.outgoing = toUpstream;
        client.incoming = toClient;
        upstream.outgoing = toClient;
        upstream.incoming = toUpstream;
    }

    void register(Selector selector) throws IOException {
        client.key = client.channel.register(selector, SelectionKey.OP_READ, client);
        upstream.key = upstream.channel.register(selector, SelectionKey.OP_READ, upstream);
        registered = true;
    }

    /** A pipe has passed its end of stream on; when both have, nothing more can flow. */
    void pipeFinished() {
        if (toUpstream.finished() && toClient.finished()) {
            close();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Passes a reset on: {@code side} gets a reset too (no lingering), and the connection ends. */
    void reset(Side side) {
        try {
            side.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // closed already: there is nothing left to reset
        }
        close();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        toUpstream.discard();
        toClient.discard();
        for (Side side : new Side[] {client, upstream}) {
            try {
                side.channel.close();
            } catch (IOException e) {
                // the other side must be closed too
            }
        }
        loop.closed(this, registered);
    }
}
