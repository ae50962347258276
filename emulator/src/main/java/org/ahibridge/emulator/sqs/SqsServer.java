package org.ahibridge.emulator.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SQS server on the loopback interface: ElasticMQ, run in-process. It speaks the AWS JSON 1.0
 * protocol of SQS (and the older query protocol), so the AWS SDK v2 {@code SqsClient} and
 * camel-aws2-sqs work against {@link #endpoint()}. Queue URLs it returns carry this server's real
 * host and port, and queue ARNs carry the region and account id given here (defaults us-east-1 and
 * 123456789012, the same as the emulated EventBridge), so EventBridge targets
 * {@code arn:aws:sqs:us-east-1:123456789012:<queue>} name its queues.
 *
 * <p>State is in memory only: queues and messages are gone after {@link #close()}.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/Welcome.html">Amazon SQS API Reference</a>
 */
public final class SqsServer implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(SqsServer.class);

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final int port;

    private SqsServer(ActorSystem actorSystem, SQSRestServer server, int port) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.port = port;
    }

    /** Starts the server on 127.0.0.1 and {@code port} (0 picks a free port). */
    public static SqsServer start(int port) {
        return start(port, DEFAULT_REGION, DEFAULT_ACCOUNT_ID);
    }

    /** Starts the server on 127.0.0.1 and {@code port} (0 picks a free port), with queue ARNs in this region and account. */
    public static SqsServer start(int port, String region, String accountId) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SQS port must be between 0 and 65535: " + port);
        }
        // Queue URLs must name the port the SDK connects to: a dynamic port makes ElasticMQ derive its
        // visible address from the bound socket; a fixed port is given to it explicitly.
        return start(port, port == 0 ? null : port, region, accountId);
    }

    /**
     * Starts the server on a free port of 127.0.0.1, with queue URLs that name {@code visiblePort} instead: the
     * port of a proxy in front of it, which is where clients connect.
     */
    public static SqsServer startBehind(int visiblePort, String region, String accountId) {
        return start(0, visiblePort, region, accountId);
    }

    private static SqsServer start(int port, Integer visiblePort, String region, String accountId) {
        QuietLogging.apply();
        ActorSystem actorSystem = ActorSystem.create("sqs-emulator", quietPekko());
        try {
            TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(actorSystem).withInterface(HOST)
                    .withPort(port);
            if (visiblePort != null) {
                builder = builder.withServerAddress(new NodeAddress("http", HOST, visiblePort, ""));
            }
            SQSRestServer server = builder
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start();
            int bound = server.waitUntilStarted().localAddress().getPort();
            LOG.info("SQS server (ElasticMQ) listening on http://{}:{}", HOST, bound);
            return new SqsServer(actorSystem, server, bound);
        } catch (Exception e) {
            // Scala code may throw checked exceptions (BindException) without declaring them.
            actorSystem.terminate();
            throw new IllegalStateException("Cannot start the SQS server on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The endpoint to give the SDK ({@code endpointOverride}) or Camel ({@code uriEndpointOverride}). */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            actorSystem.terminate();
            awaitTermination(Duration.ofSeconds(10));
        }
    }

    private void awaitTermination(Duration timeout) {
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("SQS server did not stop within {}", timeout);
        }
    }

    private static Config quietPekko() {
        // ElasticMQ's reference.conf asks Pekko for DEBUG logging; an emulator should only speak up on problems.
        return ConfigFactory.parseString("""
                pekko.loglevel = "WARNING"
                pekko.stdout-loglevel = "WARNING"
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load(SqsServer.class.getClassLoader()));
    }
}
