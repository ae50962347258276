package org.ahibridge.emulator.latency;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One direction of a {@link ProxiedConnection}: what is read from one side waits, stamped with the instant
 * it falls due (read time + delay), then is written to the other side. Reading goes on while earlier bytes
 * wait, which is what lets many requests be in flight; it pauses only when the waiting bytes reach the
 * buffer limit, so one direction holds at most the limit plus one read.
 */
final class DelayedPipe {

    private enum Kind { BYTES, END, RESET }

    /** Bytes, or the end of the stream (a FIN or a reset), and the instant they fall due. */
    private record Chunk(Kind kind, ByteBuffer bytes, int size, long dueNanos) {
        static Chunk of(ByteBuffer bytes, long dueNanos) {
            return new Chunk(Kind.BYTES, bytes, bytes.remaining(), dueNanos);
        }

        static Chunk end(Kind kind, long dueNanos) {
            return new Chunk(kind, null, 0, dueNanos);
        }
    }

    private final ProxiedConnection connection;
    private final DelayLoop loop;
    private final ProxiedConnection.Side from;
    private final ProxiedConnection.Side to;
    /** Bytes read before this instant are delayed as if read at it (the connection's handshake). */
    private final long heldUntilNanos;
    private final ArrayDeque<Chunk> waiting = new ArrayDeque<>();
    private long waitingBytes;
    private boolean ended;
    private boolean finished;
    private long wakeupFor;
    private boolean wakeupPending;

    DelayedPipe(ProxiedConnection connection, DelayLoop loop, ProxiedConnection.Side from, ProxiedConnection.Side to,
            long heldUntilNanos) {
        this.connection = connection;
        this.loop = loop;
        this.from = from;
        this.to = to;
        this.heldUntilNanos = heldUntilNanos;
    }

    /** Reads what the source has now, up to the buffer limit, then writes whatever is due. */
    void read() {
        ByteBuffer buffer = loop.readBuffer();
        while (!ended && waitingBytes < loop.bufferBytes()) {
            buffer.clear();
            int count;
            try {
                count = from.channel().read(buffer);
            } catch (IOException reset) {
                // The bytes that came before the reset still arrive; the reset follows them, delayed like them.
                endWith(Kind.RESET);
                break;
            }
            if (count == 0) {
                break;
            }
            if (count < 0) {
                endWith(Kind.END);
                break;
            }
            buffer.flip();
            waiting.add(Chunk.of(ByteBuffer.allocate(count).put(buffer).flip(), dueFor(System.nanoTime())));
            waitingBytes += count;
            loop.bufferedBytes().add(count);
            if (count < buffer.capacity()) {
                break; // the socket is drained; a further read would only return 0
            }
        }
        if (waitingBytes >= loop.bufferBytes()) {
            from.wantRead(false);
        }
        flush();
    }

    private void endWith(Kind kind) {
        ended = true;
        from.wantRead(false);
        waiting.add(Chunk.end(kind, dueFor(System.nanoTime())));
    }

    private long dueFor(long readAtNanos) {
        long sentAt = readAtNanos - heldUntilNanos < 0 ? heldUntilNanos : readAtNanos;
        return sentAt + loop.oneWayNanos();
    }

    /**
     * Writes the chunks that are due, in order. A socket that takes only part of a chunk is watched for
     * room; a chunk not due yet is woken for at its instant.
     */
    void flush() {
        if (connection.isClosed()) {
            return;
        }
        long now = System.nanoTime();
        try {
            while (!waiting.isEmpty()) {
                Chunk head = waiting.peek();
                if (head.dueNanos() - now > 0) {
                    to.wantWrite(false);
                    wakeAt(head.dueNanos());
                    return;
                }
                if (head.kind() == Kind.RESET) {
                    connection.reset(to);
                    return;
                }
                if (head.kind() == Kind.END) {
                    waiting.poll();
                    to.wantWrite(false);
                    to.channel().shutdownOutput();
                    finished = true;
                    connection.pipeFinished();
                    return;
                }
                to.channel().write(head.bytes());
                if (head.bytes().hasRemaining()) {
                    to.wantWrite(true);
                    return;
                }
                waiting.poll();
                waitingBytes -= head.size();
                loop.bufferedBytes().add(-head.size());
                if (!ended && waitingBytes < loop.bufferBytes()) {
                    from.wantRead(true);
                }
            }
            to.wantWrite(false);
        } catch (IOException e) {
            connection.close();
        }
    }

    /** One wakeup per due instant: a pipe asked again for the same head must not pile up wakeups. */
    private void wakeAt(long dueNanos) {
        if (wakeupPending && wakeupFor == dueNanos) {
            return;
        }
        wakeupPending = true;
        wakeupFor = dueNanos;
        loop.wakeAt(dueNanos, this);
    }

    /** Called by the loop when a wakeup asked for falls due. */
    void wake() {
        wakeupPending = false;
        try {
            flush();
        } catch (RuntimeException e) {
            // as in ProxiedConnection.Side.ready: only this connection ends
            connection.close();
        }
    }

    boolean finished() {
        return finished;
    }

    /** The connection closed: what still waits is dropped and no longer counted. */
    void discard() {
        loop.bufferedBytes().add(-waitingBytes);
        waitingBytes = 0;
        waiting.clear();
    }
}
