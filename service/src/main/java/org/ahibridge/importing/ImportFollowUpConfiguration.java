package org.ahibridge.importing;

import java.time.Clock;
import java.time.Duration;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.ledger.SourceTags;
import org.ahibridge.storage.Registrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What follows classification and accounting: the reconciliation list and the {@link NonPrimaryFollowUp}
 * of {@code ahibridge.import.non-primary}, and the verdict tags on source objects.
 */
@Configuration(proxyBeanMethods = false)
public class ImportFollowUpConfiguration {

    /** TagResource calls per image set while AHI throttles (AHI allows 10 per second, burst 20). */
    static final int TAG_ATTEMPTS = 5;

    @Bean
    NonPrimaryImageSets nonPrimaryImageSets(JdbcClient jdbc, Clock clock) {
        return new NonPrimaryImageSets(jdbc, clock);
    }

    @Bean
    SourceTags sourceTags(JdbcClient jdbc, Clock clock) {
        return new SourceTags(jdbc, clock);
    }

    @Bean
    SourceObjectTagger sourceObjectTagger(SourceTagProperties properties, SourceTags sourceTags) {
        return new SourceObjectTagger(properties.tagSourceObjects(), sourceTags);
    }

    @Bean
    NonPrimaryFollowUp nonPrimaryFollowUp(ImportProperties properties, NonPrimaryImageSets nonPrimaryImageSets,
            AhiTemplates ahiTemplates, Registrations registrations) {
        return new NonPrimaryFollowUp(properties.nonPrimary(), nonPrimaryImageSets,
                name -> ahiTemplates.taggingFor(registrations.datastore(name)), TAG_ATTEMPTS, Duration.ofMillis(500),
                duration -> Thread.sleep(duration.toMillis()));
    }
}
