package org.ahibridge.camel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.BatchState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.AggregationRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The {@code aggregationRepository} of routes/import-batching.camel.yaml ({@code importOpenBatches}): a group in
 * progress IS the ledger's open batch of a datastore (the correlation key), so Camel holds nothing the ledger does
 * not. {@link #get} reads the open batch (when it holds files) as the group's exchange, with the time left until
 * the batch's max age as its completion timeout, which is how Camel restores the timeouts of every open batch at
 * start ({@link #getKeys}). {@link #add} writes nothing: {@link BatchFilesStrategy} placed the files in their
 * transaction already. {@link #remove}, on completion, seals the batch with a conditional update, as does
 * {@link #seal} for a group completed on its first message; a batch sealed meanwhile by another thread or instance
 * is left as it is.
 *
 * <p>Not a {@code RecoverableAggregationRepository}: a completed group is a SEALED batch in the ledger, and
 * import-advance takes every SEALED and STAGED batch a step further at each step. A recovery task of Camel's would
 * be a second scanner of the same rows.
 */
// ServiceSupport: a repository is a Camel service; this one has nothing to start or stop.
public final class OpenBatchRepository extends ServiceSupport implements AggregationRepository {

    private final Batches batches;
    private final BatchAssembler assembler;
    private final Clock clock;

    public OpenBatchRepository(Batches batches, BatchAssembler assembler, Clock clock) {
        this.batches = batches;
        this.assembler = assembler;
        this.clock = clock;
    }

    /** The open batch of the datastore {@code key} as a group's exchange; null when it holds no file. */
    @Override
    public Exchange get(CamelContext camelContext, String key) {
        Optional<Batch> open = batches.findOpen(key).filter(b -> b.fileCount() > 0);
        if (open.isEmpty()) {
            return null;
        }
        Exchange group = new DefaultExchange(camelContext);
        group.getMessage().setBody(open.get());
        group.getMessage().setHeader(ImportHeaders.DATASTORE, key);
        long left = timeLeftMillis(open.get());
        group.getMessage().setHeader(BatchFilesStrategy.TIME_LEFT, left);
        group.setProperty(ExchangePropertyKey.AGGREGATED_TIMEOUT, left);
        group.setProperty(ExchangePropertyKey.AGGREGATED_SIZE, open.get().fileCount());
        return group;
    }

    /** Nothing to write: the strategy's transaction placed the files in the open batch. */
    @Override
    public Exchange add(CamelContext camelContext, String key, Exchange exchange) {
        return null;
    }

    /** The group completed (full, quiet source, max age): its batch SEALED, if it is still open. */
    @Override
    public void remove(CamelContext camelContext, String key, Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof Batch batch) {
            batches.seal(batch.id());
        }
    }

    /** Nothing to confirm: the SEALED batch is import-advance's from here on, whatever became of this message. */
    @Override
    public void confirm(CamelContext camelContext, String exchangeId) {
    }

    /** The datastores whose open batch holds files. */
    @Override
    public Set<String> getKeys() {
        return batches.datastoresWithOpenFiles();
    }

    /**
     * The completed group's batch (the body) sealed if it is still open, read again for direct:import-batch; null
     * when the group had no batch (a quiet source's completion with nothing open).
     */
    public Batch seal(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof Batch batch)) {
            return null;
        }
        if (batch.state() == BatchState.OPEN) {
            batches.seal(batch.id());
        }
        return batches.find(batch.id()).orElse(null);
    }

    /** Milliseconds until the batch reaches its max age (at least 1: a batch past it completes at once). */
    long timeLeftMillis(Batch batch) {
        Duration age = Duration.between(batch.openedAt(), clock.instant());
        return Math.max(1, assembler.policy(batch.datastore()).maxAge().minus(age).toMillis());
    }
}
