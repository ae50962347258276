package org.ahibridge.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's {@link AwsRequestCounts} as a bean, for whatever reports or exports the counts. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public AwsRequestCounts awsRequestCounts() {
        return AwsRequestCounts.process();
    }
}
