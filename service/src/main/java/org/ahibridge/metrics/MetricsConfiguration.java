package org.ahibridge.metrics;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics of the service (docs/operations.md): the process's {@link AwsRequestCounts}, the pipeline's
 * counters ({@link PipelineMeters}; the {@code importOutcomeMeter} step of routes/import-outcome.camel.yaml is
 * made with the route's other steps, in ImportOutcomeConfiguration),
 * Camel's route metrics (a Micrometer route policy on every route) and, in the service only, the ledger gauges.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public AwsRequestCounts awsRequestCounts() {
        return AwsRequestCounts.process();
    }

    @Bean
    public PipelineMeters pipelineMeters() {
        return PipelineMeters.process();
    }

    /**
     * Camel's route metrics: a Micrometer route policy on every route, for exchange counts and timings by
     * {@code routeId} ({@code camel_exchanges_*}, {@code camel_route_policy_*}). Added before the routes start,
     * so routes loaded from routes/ get it too. Only in the service: the one-shot commands have no scrape.
     */
    @Bean
    @ConditionalOnWebApplication
    public CamelContextConfiguration camelRouteMetrics(MeterRegistry registry) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                MicrometerRoutePolicyFactory factory = new MicrometerRoutePolicyFactory();
                factory.setMeterRegistry(registry);
                camelContext.addRoutePolicyFactory(factory);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }

    /** The ledger gauges, refreshed every {@code ahibridge.metrics.ledger-refresh}; the commands have none. */
    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    public LedgerGauges ledgerGauges(JdbcClient jdbc, MeterRegistry registry, Clock clock,
            AwsRequestCounts awsRequestCounts,
            @Value("${ahibridge.metrics.ledger-refresh:PT10S}") Duration refresh) {
        AwsRequestMeters aws = new AwsRequestMeters(awsRequestCounts, registry);
        LedgerGauges gauges = new LedgerGauges(jdbc, registry, clock, aws::bindNew);
        gauges.start(refresh);
        return gauges;
    }
}
