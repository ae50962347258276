package org.ahibridge.ledger;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger repositories over the application's DataSource ({@code ahibridge.ledger.url}; Flyway
 * migrates it from {@code db/migration} at startup).
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionTemplate ledgerTransactions(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    SourceObjects sourceObjects(JdbcClient jdbc, Clock clock) {
        return new SourceObjects(jdbc, clock);
    }

    @Bean
    ObjectTransitions objectTransitions(JdbcClient jdbc, Clock clock, TransactionTemplate ledgerTransactions,
            SourceObjects sourceObjects) {
        return new ObjectTransitions(jdbc, clock, ledgerTransactions, sourceObjects);
    }

    @Bean
    Batches batches(JdbcClient jdbc, Clock clock) {
        return new Batches(jdbc, clock);
    }

    @Bean
    ImportRuns importRuns(JdbcClient jdbc, Clock clock) {
        return new ImportRuns(jdbc, clock);
    }

    @Bean
    ListingPositions listingPositions(JdbcClient jdbc, Clock clock) {
        return new ListingPositions(jdbc, clock);
    }

    @Bean
    AuditBacklog auditBacklog(JdbcClient jdbc) {
        return new AuditBacklog(jdbc);
    }

    @Bean
    SeenObjects seenObjects(JdbcClient jdbc, Clock clock) {
        return new SeenObjects(jdbc, clock);
    }
}
