package org.ahibridge.camel;

import org.ahibridge.dicom.p10.P10Classifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route-facing beans of the P10 check; {@code p10Classifier} is part of the routes' bean catalogue. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(P10Properties.class)
public class P10Configuration {

    /** Use in YAML as {@code - process: { ref: p10Classifier }}; sets the {@link P10Headers}. */
    @Bean("p10Classifier")
    public P10ClassifierProcessor p10Classifier(P10Properties properties) {
        return new P10ClassifierProcessor(
                new P10Classifier(properties.maxHeaderBytes().toBytes(), properties.maxDepth()));
    }
}
